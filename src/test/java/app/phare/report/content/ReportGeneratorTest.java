package app.phare.report.content;

import app.phare.common.ProblemException;
import app.phare.testing.Api;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static app.phare.report.content.ReportFixtures.decimal;
import static app.phare.report.content.ReportFixtures.rowStartingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports built from a small deterministic orders export, through the real pipeline and aggregates. */
@QuarkusTest
class ReportGeneratorTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1), TO = LocalDate.of(2024, 4, 30);
    private static Api.TestTenant shop;

    @Inject
    ReportGenerator generator;

    /** One tenant with 150 days of orders from 2024-01-01, shared by the tests that only read. */
    private static synchronized Api.TestTenant shop() {
        if (shop == null) {
            Api.TestTenant t = Api.aTenant();
            long source = Api.anOrdersSource(t, Api.plainMapping(), null);
            Api.upload(t, source, TestOrders.csv(START, 150));
            Api.runNightly(t);
            app.phare.insight.InsightShop.awaitInsights(t); // the sales summary carries the run's forecasts
            shop = t;
        }
        return shop;
    }

    @Test
    void salesSummaryXlsxHasTheApisFiguresInRealNumberAndDateCells() throws Exception {
        Api.TestTenant t = shop();
        RenderedReport report = generate(t, "sales-summary", FROM, TO, "xlsx", Map.of());
        assertThat(report.fileName()).isEqualTo("phare-sales-summary-2024-01-01_2024-04-30.xlsx");
        assertThat(report.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        JsonPath api = ReportFixtures.sales(t, "from=2024-01-01&to=2024-04-30&grain=month");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            assertThat(sheetNames(wb)).containsExactly("Report", "KPIs", "Revenue by month", "Top products", "Countries",
                    "Channels", "Returns", "Most returned", "Forecast");
            Sheet months = wb.getSheet("Revenue by month");
            assertThat(months.getPaneInformation().isFreezePane()).isTrue();
            assertMonthsEqualApi(months, api);
            Sheet kpis = wb.getSheet("KPIs");
            assertKpisEqualSumOfApiRows(kpis, api);
            Row orders = rowStartingWith(kpis, "Orders");
            assertThat(orders.getCell(1).getNumericCellValue()).isEqualTo(TestOrders.ordersIn(121));
            // January 2024 has no earlier data: no comparison; percentages are number cells with a % format
            assertThat(orders.getCell(3)).isNull();
            Row germany = rowStartingWith(wb.getSheet("Countries"), "Germany");
            assertThat(germany.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(germany.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(germany.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void aCountryFilterGivesTheFilteredApiFigures() throws Exception {
        Api.TestTenant t = shop();
        RenderedReport report = generate(t, "sales-summary", LocalDate.of(2024, 2, 10), LocalDate.of(2024, 3, 20), "xlsx",
                Map.of("country", "France", "channel", ""));
        JsonPath api = ReportFixtures.sales(t, "from=2024-02-10&to=2024-03-20&grain=day&country=France");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet days = wb.getSheet("Revenue by day");
            assertThat(days.getLastRowNum()).isEqualTo(40);
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (int r = 1; r <= days.getLastRowNum(); r++) {
                Row row = days.getRow(r);
                assertThat(DateUtil.isCellDateFormatted(row.getCell(0))).isTrue();
                sum = sum.add(decimal(row, 1, 2));
            }
            BigDecimal apiSum = api.getList("rows.netRevenue", BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualTo(apiSum);
            assertThat(rowStartingWith(wb.getSheet("Report"), "Country").getCell(1).getStringCellValue()).isEqualTo("France");
            assertThat(wb.getSheet("Countries").getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void salesSummaryPdfRendersWithChartsAndTables() throws Exception {
        Api.TestTenant t = shop();
        RenderedReport report = generate(t, "sales-summary", FROM, TO, "pdf", Map.of());
        assertThat(report.contentType()).isEqualTo("application/pdf");
        assertThat(report.fileName()).endsWith(".pdf");
        assertThat(new String(report.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "report-sales-summary.pdf"), report.bytes());
        try (PDDocument pdf = Loader.loadPDF(report.bytes())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Sales summary", t.name(), "Net revenue by month", "Top 20 products by net revenue", "£");
        }
    }

    @Test
    void quarterlyTrendsAsCsvIsAZipWithOneCsvPerTable() throws Exception {
        Api.TestTenant t = shop();
        RenderedReport report = generate(t, "quarterly-trends", FROM, LocalDate.of(2024, 5, 29), "csv", Map.of());
        assertThat(report.contentType()).isEqualTo("application/zip");
        assertThat(report.fileName()).isEqualTo("phare-quarterly-trends-2024-01-01_2024-05-29.zip");
        Map<String, String> files = unzip(report.bytes());
        assertThat(files.keySet()).containsExactly("01-quarters.csv", "02-by-month-of-year.csv", "03-by-weekday.csv");
        List<String> quarters = files.get("01-quarters.csv").lines().toList();
        assertThat(quarters.get(0)).isEqualTo("\uFEFFQuarter,Quarter start,Net revenue,Orders,Net revenue QoQ (%),"
                + "Net revenue YoY (%),Orders QoQ (%),Orders YoY (%)");
        assertThat(quarters).hasSize(3);
        JsonPath q1 = ReportFixtures.sales(t, "from=2024-01-01&to=2024-03-31&grain=month");
        BigDecimal q1Revenue = q1.getList("rows.netRevenue", BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(quarters.get(1)).startsWith("2024 Q1,2024-01-01," + q1Revenue.toPlainString() + ",");
        assertThat(files.get("03-by-weekday.csv").lines()).hasSize(8);
    }

    @Test
    void quarterlyTrendsPdfRenders() throws Exception {
        RenderedReport report = generate(shop(), "quarterly-trends", FROM, LocalDate.of(2024, 5, 29), "pdf", Map.of());
        Files.write(Path.of("target", "report-quarterly-trends.pdf"), report.bytes());
        try (PDDocument pdf = Loader.loadPDF(report.bytes())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Quarterly trends", "Seasonality by weekday", "2024 Q2");
        }
    }

    @Test
    void aFormulaInAProductNameIsInertInCsvAndXlsx() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        String evil = "=HYPERLINK(\"http://evil\",\"x\")";
        String csv = Api.PLAIN_HEADER
                + "O1,2024-03-01 10:00:00,EVIL-1,\"" + evil.replace("\"", "\"\"") + "\",2,10.00,C1,France,web\n"
                + "O2,2024-03-02 10:00:00,MUG-1,Blue mug,1,4.50,C2,France,web\n"
                + "R2,2024-03-03 10:00:00,EVIL-1,\"" + evil.replace("\"", "\"\"") + "\",-2,10.00,C1,France,web\n";
        Api.upload(t, source, csv.getBytes(StandardCharsets.UTF_8));
        Api.runNightly(t);
        LocalDate from = LocalDate.of(2024, 3, 1), to = LocalDate.of(2024, 3, 3);

        Map<String, String> files = unzip(generate(t, "sales-summary", from, to, "csv", Map.of()).bytes());
        String products = files.get("03-top-products.csv");
        assertThat(products).contains(",\"'" + evil.replace("\"", "\"\"") + "\",");
        assertThat(products.lines().skip(1)).noneMatch(l -> l.startsWith("=") || l.contains(",=") || l.contains(",\"="));
        // a day of returns only: a negative number, unquoted and not neutralised
        assertThat(files.get("02-revenue-by-day.csv")).contains("\r\n2024-03-03,-20.00,20.00,");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(generate(t, "sales-summary", from, to, "xlsx", Map.of()).bytes()))) {
            Row row = rowStartingWith(wb.getSheet("Top products"), "EVIL-1");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'" + evil);
            Row returnsDay = wb.getSheet("Revenue by day").getRow(3);
            assertThat(returnsDay.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(returnsDay.getCell(1).getNumericCellValue()).isEqualTo(-20.0);
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    r.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA));
                }
            }
        }
    }

    @Test
    void badSpecsAreRefusedWith400() {
        Api.TestTenant t = shop();
        LocalDate d = LocalDate.of(2024, 1, 1);
        assertBadRequest(() -> generator.validate(new ReportSpec("sales", d, d, "xlsx", Map.of())), "not a report type");
        assertBadRequest(() -> generator.validate(new ReportSpec("sales-summary", d, d, "docx", Map.of())), "not a report format");
        assertBadRequest(() -> generator.validate(new ReportSpec("sales-summary", d.plusDays(1), d, "pdf", Map.of())), "is after to");
        assertBadRequest(() -> generator.validate(new ReportSpec("sales-summary", null, d, "pdf", Map.of())), "from is required");
        assertBadRequest(() -> generator.validate(new ReportSpec("sales-summary", d, d, "pdf", Map.of("region", "x"))), "not a report filter");
        assertBadRequest(() -> generator.validate(new ReportSpec("marketing", d, d, "pdf", Map.of("country", "France"))), "no country or channel");
        assertBadRequest(() -> generate(t, "marketing", FROM, TO, "xlsx", Map.of()), "no ad campaign data for 2024-01-01 to 2024-04-30");
        assertBadRequest(() -> generate(t, "pipeline", FROM, TO, "pdf", Map.of()), "no CRM deal data for 2024-01-01 to 2024-04-30");
    }

    private RenderedReport generate(Api.TestTenant t, String type, LocalDate from, LocalDate to, String format,
                                    Map<String, String> filters) {
        return ReportFixtures.generate(generator, t, type, from, to, format, filters);
    }

    private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(ProblemException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
    }

    static void assertMonthsEqualApi(Sheet months, JsonPath api) {
        List<Map<String, Object>> rows = api.getList("rows");
        assertThat(months.getLastRowNum()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = months.getRow(i + 1);
            Map<String, Object> expected = rows.get(i);
            assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate().toString()).isEqualTo(expected.get("period") + "-01");
            assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("mmm yyyy");
            assertThat(decimal(row, 1, 2)).isEqualTo(expected.get("netRevenue"));
            assertThat(decimal(row, 2, 2)).isEqualTo(expected.get("returns"));
            assertThat(decimal(row, 3, 0)).isEqualTo(new BigDecimal(expected.get("orders").toString()));
            assertThat(decimal(row, 4, 0)).isEqualTo(new BigDecimal(expected.get("customers").toString()));
            assertThat(BigDecimal.valueOf(row.getCell(5).getNumericCellValue()).compareTo(new BigDecimal(expected.get("units").toString()))).isZero();
        }
    }

    static void assertKpisEqualSumOfApiRows(Sheet kpis, JsonPath api) {
        assertThat(decimal(rowStartingWith(kpis, "Net revenue"), 1, 2)).isEqualTo(sum(api, "netRevenue"));
        assertThat(decimal(rowStartingWith(kpis, "Returns"), 1, 2)).isEqualTo(sum(api, "returns"));
        assertThat(decimal(rowStartingWith(kpis, "Orders"), 1, 0)).isEqualTo(sum(api, "orders"));
        assertThat(decimal(rowStartingWith(kpis, "Customers"), 1, 0)).isEqualTo(sum(api, "customers"));
        assertThat(BigDecimal.valueOf(rowStartingWith(kpis, "Units").getCell(1).getNumericCellValue())
                .compareTo(sum(api, "units"))).isZero();
        BigDecimal aov = sum(api, "netRevenue").divide(sum(api, "orders"), 2, java.math.RoundingMode.HALF_UP);
        assertThat(decimal(rowStartingWith(kpis, "Average order value"), 1, 2)).isEqualTo(aov);
    }

    private static BigDecimal sum(JsonPath api, String field) {
        return api.getList("rows." + field, BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
