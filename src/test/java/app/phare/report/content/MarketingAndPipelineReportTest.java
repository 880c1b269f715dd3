package app.phare.report.content;

import app.phare.testing.Api;
import app.phare.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The marketing and pipeline reports on the real ad-campaign and CRM exports, against their JSON APIs. */
@QuarkusTest
class MarketingAndPipelineReportTest {

    @Inject
    ReportGenerator generator;

    @Test
    void marketingAndPipelineReportsHaveTheApisFigures() throws Exception {
        Api.TestTenant t = Api.aTenant("America/New_York", "USD", "en-US");
        Path crm = SharedData.path("crm-sales-pipeline");
        long deals = Api.aSource(t, "crm_deals", Map.of("dealId", "opportunity_id", "stage", "deal_stage", "owner", "sales_agent",
                "product", "product", "engagedOn", "engage_date", "closedOn", "close_date", "value", "close_value"), null, null);
        long ads = Api.aSource(t, "ad_campaigns", Map.of("day", "Date", "campaign", "xyz_campaign_id", "ad", "ad_id",
                "impressions", "Impressions", "clicks", "Clicks", "spend", "Spent", "conversions", "Total_Conversion"),
                Map.of("delimiter", ",", "encoding", "UTF-8", "dateFormat", "dd-MM-yyyy"), null);
        Api.upload(t, deals, Files.readAllBytes(crm.resolve("sales_pipeline.csv")));
        Api.upload(t, ads, Files.readAllBytes(SharedData.path("ad-campaigns").resolve("KAG_conversion_data.csv")));
        Api.runNightly(t);

        LocalDate from = LocalDate.of(2023, 8, 1), to = LocalDate.of(2023, 8, 31);
        RenderedReport marketing = ReportFixtures.generate(generator, t, "marketing", from, to, "xlsx", Map.of());
        JsonPath ads2023 = json(t, "/api/metrics/marketing?from=2023-08-01&to=2023-08-31&grain=day");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marketing.bytes()))) {
            assertThat(ReportFixtures.decimal(ReportFixtures.rowStartingWith(wb.getSheet("KPIs"), "Spend"), 1, 2))
                    .isEqualTo(sum(ads2023, "spend"));
            assertThat(wb.getSheet("By day").getLastRowNum()).isEqualTo(ads2023.getList("rows").size());
            assertThat(ReportFixtures.rowStartingWith(wb.getSheet("By campaign"), "916")).isNotNull();
        }

        LocalDate year = LocalDate.of(2017, 1, 1), end = LocalDate.of(2017, 12, 31);
        RenderedReport pipeline = ReportFixtures.generate(generator, t, "pipeline", year, end, "xlsx", Map.of());
        JsonPath deals2017 = json(t, "/api/metrics/pipeline?from=2017-01-01&to=2017-12-31");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(pipeline.bytes()))) {
            assertThat(ReportFixtures.decimal(ReportFixtures.rowStartingWith(wb.getSheet("KPIs"), "Won value"), 1, 2))
                    .isEqualTo(sum(deals2017, "wonValue"));
            assertThat(wb.getSheet("Closed by month").getLastRowNum()).isEqualTo(10);
            assertThat(wb.getSheet("Open pipeline").getLastRowNum()).isEqualTo(deals2017.getList("open").size());
        }

        RenderedReport pdf = ReportFixtures.generate(generator, t, "pipeline", year, end, "pdf", Map.of());
        Files.write(Path.of("target", "report-pipeline.pdf"), pdf.bytes());
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Sales pipeline", "Open pipeline by stage", "$");
        }
        RenderedReport marketingPdf = ReportFixtures.generate(generator, t, "marketing", from, to, "pdf", Map.of());
        Files.write(Path.of("target", "report-marketing.pdf"), marketingPdf.bytes());
        try (PDDocument doc = Loader.loadPDF(marketingPdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        }
    }

    private static JsonPath json(Api.TestTenant t, String path) {
        return t.asManager().get(path).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static BigDecimal sum(JsonPath json, String field) {
        return json.getList("rows." + field, BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
