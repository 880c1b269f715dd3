package app.phare.report.content;

import app.phare.testing.Api;
import app.phare.testing.OnlineRetailTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 1 of the reports: on the real online-retail export, the 2011 sales summary has the sales API's numbers. */
@QuarkusTest
class SalesSummaryOnlineRetailTest {

    @Inject
    ReportGenerator generator;

    @Test
    void salesSummaryOf2011HasTheNumbersOfTheSalesApiAndRendersAsPdf() throws Exception {
        Api.TestTenant t = OnlineRetailTenant.loaded();
        app.phare.insight.InsightShop.awaitInsights(t);
        LocalDate from = LocalDate.of(2011, 1, 1), to = LocalDate.of(2011, 12, 31);

        RenderedReport xlsx = ReportFixtures.generate(generator, t, "sales-summary", from, to, "xlsx", Map.of());
        assertThat(xlsx.fileName()).isEqualTo("phare-sales-summary-2011-01-01_2011-12-31.xlsx");
        JsonPath api = ReportFixtures.sales(t, "from=2011-01-01&to=2011-12-31&grain=month");
        assertThat(api.getList("rows")).hasSize(12);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            ReportGeneratorTest.assertMonthsEqualApi(wb.getSheet("Revenue by month"), api);
            ReportGeneratorTest.assertKpisEqualSumOfApiRows(wb.getSheet("KPIs"), api);
            assertThat(wb.getSheet("Top products").getLastRowNum()).isEqualTo(20);
            assertThat(ReportFixtures.rowStartingWith(wb.getSheet("Countries"), "United Kingdom")).isNotNull();
            // the forecasts of the nightly run: net revenue and orders, next 30 and 90 days, with both backtest errors
            var forecast = wb.getSheet("Forecast");
            assertThat(forecast.getLastRowNum()).isEqualTo(4);
            assertThat(forecast.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Net revenue");
            assertThat(forecast.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2011, 12, 10));
            assertThat(forecast.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Next 90 days");
            assertThat(forecast.getRow(1).getCell(4).getNumericCellValue()).isPositive();
            assertThat(forecast.getRow(1).getCell(8).getNumericCellValue()).isPositive();
            assertThat(forecast.getRow(1).getCell(9).getNumericCellValue()).isPositive();
        }

        RenderedReport pdf = ReportFixtures.generate(generator, t, "sales-summary", from, to, "pdf", Map.of());
        Files.write(Path.of("target", "report-online-retail-2011.pdf"), pdf.bytes());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
    }
}
