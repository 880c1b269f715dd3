package app.phare.pipeline;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a nightly run does with files: merging, de-duplicating, failing file by file, and failing as a whole. */
@QuarkusTest
class PipelineRunTest {

    @jakarta.inject.Inject
    app.phare.testing.StepFaults faults;

    private static final LocalDate START = LocalDate.of(2025, 1, 27);

    @Test
    void linesArrivingAgainInALaterFileAreKeptOnceAndOnlyAffectedDaysChange() {
        Api.TestTenant tenant = Api.aTenant();
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        String first = new String(TestOrders.csv(START, 10), StandardCharsets.UTF_8);
        Api.upload(tenant, source, first.getBytes(StandardCharsets.UTF_8));
        Api.runNightly(tenant);
        Map<String, BigDecimal> before = dailyRevenue(tenant);

        // the second export repeats the last five days of the first and adds two new days (in a new month)
        List<String> firstLines = Arrays.asList(first.split("\n"));
        List<String> repeated = firstLines.stream().skip(1).filter(l -> dateOf(l).isAfter(START.plusDays(4))).toList();
        String newDays = new String(TestOrders.csv(START.plusDays(10), 2), StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> "N" + l).collect(Collectors.joining("\n"));
        String second = Api.PLAIN_HEADER + String.join("\n", repeated) + "\n" + newDays + "\n";
        Api.upload(tenant, source, second.getBytes(StandardCharsets.UTF_8));
        long run = Api.runNightly(tenant);

        JsonPath view = tenant.asAdmin().get("/api/runs/" + run).then().extract().jsonPath();
        assertThat(view.getLong("steps.find { it.name == 'merge' }.rowsRejected")).isEqualTo(repeated.size());
        for (String step : List.of("ingest-and-clean", "merge")) {
            String at = "steps.find { it.name == '" + step + "' }.";
            assertThat(view.getLong(at + "rowsRead")).as(step + ": every line read is written or rejected")
                    .isEqualTo(view.getLong(at + "rowsWritten") + view.getLong(at + "rowsRejected"));
        }
        Map<String, BigDecimal> after = dailyRevenue(tenant);
        before.forEach((day, revenue) -> assertThat(after.get(day)).as(day).isEqualByComparingTo(revenue));
        Map<String, BigDecimal> expected = revenueByDay(Arrays.asList(first.split("\n")).subList(1, firstLines.size()));
        expected.putAll(revenueByDay(newDays.lines().toList()));
        assertThat(after.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((day, revenue) -> assertThat(after.get(day)).as(day).isEqualByComparingTo(revenue));
        BigDecimal monthly = monthlyTotal(tenant);
        assertThat(monthly).isEqualByComparingTo(expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void unreadableFilesFailWithTheirReasonAndTheRunGoesOn() {
        Api.TestTenant tenant = Api.aTenant();
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        long good = Api.upload(tenant, source, TestOrders.csv(START, 3));
        long missingColumn = Api.upload(tenant, source,
                "order,at,sku,description,qty,cost,customer,country,channel\nO1,2025-01-27 10:00:00,A,d,1,2.00,c,FR,web\n"
                        .getBytes(StandardCharsets.UTF_8));
        long binary = Api.upload(tenant, source, new byte[]{'o', 'r', 'd', 'e', 'r', 0, 0, 1, 2, 3, '\n', 0, 0});
        long run = Api.runNightly(tenant);

        JsonPath view = tenant.asAdmin().get("/api/runs/" + run).then().extract().jsonPath();
        assertThat(view.getString("files.find { it.fileId == " + good + " }.status")).isEqualTo("processed");
        assertThat(view.getString("files.find { it.fileId == " + missingColumn + " }.status")).isEqualTo("failed");
        assertThat(view.getString("files.find { it.fileId == " + missingColumn + " }.error")).contains("'price'", "unitPrice");
        assertThat(view.getString("files.find { it.fileId == " + binary + " }.error")).contains("not text");
        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files/" + missingColumn).then().extract().path("status").toString())
                .isEqualTo("failed");
        var session = app.phare.tenant.TenantIsolationTestAccess.login(tenant);
        assertThat(io.restassured.RestAssured.given().cookies(session).get("/sources/runs").then().statusCode(200).extract().asString())
                .contains("2 of 3 files failed");
        assertThat(monthlyTotal(tenant)).isEqualByComparingTo(
                revenueByDay(new String(TestOrders.csv(START, 3), StandardCharsets.UTF_8).lines().skip(1).toList())
                        .values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aFileWhoseSumsDoNotFitFailsAloneAndLeavesNothingBehind() throws Exception {
        Api.TestTenant tenant = Api.aTenant();
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        // each value is valid, but their product does not fit the exact sums: that file fails as a whole, alone
        byte[] file = (Api.PLAIN_HEADER + "O1,2025-01-27 10:00:00,A,small,1,2.00,c,FR,web\n"
                + "O2,2025-01-28 10:00:00,B,huge,99999999999,9999999999,c,FR,web\n").getBytes(StandardCharsets.UTF_8);
        long fileId = Api.upload(tenant, source, file);
        long goodId = Api.upload(tenant, source, (Api.PLAIN_HEADER + "G1,2025-02-03 10:00:00,A,small,2,2.00,c,FR,web\n")
                .getBytes(StandardCharsets.UTF_8));
        Api.runNightly(tenant, "succeeded");

        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files/" + fileId).then().extract().path("status").toString())
                .isEqualTo("failed");
        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files/" + fileId).then().extract().path("error").toString())
                .isNotBlank().doesNotContain("/tmp/");
        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files/" + goodId).then().extract().path("status").toString())
                .isEqualTo("processed");
        assertThat(tenant.asManager().get("/api/metrics/sales?from=2025-01-01&to=2025-12-31&grain=month")
                .then().extract().jsonPath().getList("rows.period")).containsExactly("2025-02");
        assertThat(factsAndAggregates(tenant, "2025-01-01", "2025-01-31")).isZero();
    }

    @Test
    void aRunThatFailsLeavesNoFactsNorAggregatesAndItsFilesPending() throws Exception {
        Api.TestTenant tenant = Api.aTenant();
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        long fileId = Api.upload(tenant, source, TestOrders.csv(START, 3));
        // the aggregate step fails in every attempt, after the facts were written
        faults.failNext(tenant.id(), "aggregate", 99);
        try {
            long run = Api.runNightly(tenant, "failed");
            assertThat(tenant.asAdmin().get("/api/runs/" + run).then().extract().path("error").toString()).isNotBlank();
        } finally {
            faults.clear(tenant.id());
        }
        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files/" + fileId).then().extract().path("status").toString())
                .isEqualTo("pending");
        assertThat(tenant.asManager().get("/api/metrics/sales?from=2000-01-01&to=2099-12-31&grain=month")
                .then().extract().jsonPath().getList("rows")).isEmpty();
        assertThat(factsAndAggregates(tenant, "1900-01-01", "2100-12-31")).isZero();
    }

    private static long factsAndAggregates(Api.TestTenant tenant, String from, String to) throws Exception {
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM order_line WHERE tenant_id = ? AND day BETWEEN ?::date AND ?::date)"
                     + " + (SELECT count(*) FROM sales_day WHERE tenant_id = ? AND day BETWEEN ?::date AND ?::date)"
                     + " + (SELECT count(*) FROM product_sales_month WHERE tenant_id = ? AND month BETWEEN ?::date AND ?::date)")) {
            for (int i = 0; i < 3; i++) {
                ps.setLong(3 * i + 1, tenant.id());
                ps.setString(3 * i + 2, from);
                ps.setString(3 * i + 3, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void rejectedLinesKeepTheirLineNumberReasonAndRawText() {
        Api.TestTenant tenant = Api.aTenant();
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        String csv = Api.PLAIN_HEADER
                + "O1,2025-01-27 10:00:00,A,\"multi\nline\",1,2.00,c,FR,web\n"   // lines 2-3, fine
                + "O2,2025-01-27 10:00:00,B,d,0,2.00,c,FR,web\n"                   // line 4: quantity 0
                + "O3,2025-01-27 10:00:00,C,d,1,-5,c,FR,web\n"                     // line 5: negative price
                + "O4,2025-01-27 10:00:00,,d,1,5,c,FR,web\n"                       // line 6: no sku
                + "O5,27/01/2025,D,d,1,5,c,FR,web\n";                               // line 7: wrong date format
        Api.upload(tenant, source, csv.getBytes(StandardCharsets.UTF_8));
        long run = Api.runNightly(tenant);

        String rejects = tenant.asAdmin().get("/api/runs/" + run + "/rejects").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> lines = rejects.lines().toList();
        assertThat(lines.get(0)).isEqualTo("file_id,line_no,reason,raw");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).contains(",4,\"quantity is 0\",\"O2,2025-01-27 10:00:00,B,d,0,2.00,c,FR,web\"");
        assertThat(lines.get(2)).contains(",5,\"unit price must be positive, was -5\"");
        assertThat(lines.get(3)).contains(",6,\"missing sku\"");
        assertThat(lines.get(4)).contains(",7,\"timestamp '27/01/2025' does not match");
        assertThat(tenant.asAdmin().get("/api/runs/" + run).then().extract().jsonPath()
                .getLong("steps.find { it.name == 'ingest-and-clean' }.rowsRejected")).isEqualTo(4);
    }

    @Test
    void gzipUploadsAreReadAndTheSameBytesAreStoredOnce() throws Exception {
        Api.TestTenant tenant = Api.aTenant();
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(TestOrders.csv(START, 5));
        }
        long fileId = Api.upload(tenant, source, gz.toByteArray());
        tenant.asAdmin().contentType("application/gzip").body(gz.toByteArray()).post("/api/sources/" + source + "/files")
                .then().statusCode(200).body("fileId", org.hamcrest.Matchers.equalTo((int) fileId));
        tenant.asAdmin().contentType("text/csv").body(new byte[0]).post("/api/sources/" + source + "/files")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("body"));
        Api.runNightly(tenant);
        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files").then().extract().jsonPath().getList("fileId"))
                .hasSize(1);
        assertThat(monthlyTotal(tenant)).isPositive();
    }

    @Test
    void theSameExportInTwoSourcesIsUploadedWithAWarning() {
        Api.TestTenant tenant = Api.aTenant();
        long first = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        long second = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        byte[] file = TestOrders.csv(START, 2);
        Api.upload(tenant, first, file);
        String warning = tenant.asAdmin().contentType("text/csv").body(file).post("/api/sources/" + second + "/files")
                .then().statusCode(202).extract().path("warning");
        assertThat(warning).contains("also in source " + first);
    }

    @Test
    void everyTenantHasANightlyScheduleAtTwoInItsOwnTimezone() throws Exception {
        Api.TestTenant tenant = Api.aTenant("America/New_York", "USD", "en-US");
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT cron_expression, time_zone_id FROM qrtz_cron_triggers WHERE trigger_name = ?")) {
            ps.setString(1, "nightly-cron-" + tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("0 0 2 * * ?");
                assertThat(rs.getString(2)).isEqualTo("America/New_York");
            }
        }
    }

    private static LocalDate dateOf(String csvLine) {
        return LocalDate.parse(csvLine.split(",")[1].substring(0, 10));
    }

    /** Net revenue per day computed directly from TestOrders lines (all valid, no duplicates). */
    private static Map<String, BigDecimal> revenueByDay(List<String> lines) {
        Map<String, BigDecimal> byDay = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.replaceAll("\"[^\"]*\"", "x").split(",");
            byDay.merge(f[1].substring(0, 10), new BigDecimal(f[4]).multiply(new BigDecimal(f[5])), BigDecimal::add);
        }
        return byDay;
    }

    private static Map<String, BigDecimal> dailyRevenue(Api.TestTenant tenant) {
        Map<String, BigDecimal> byDay = new TreeMap<>();
        List<Map<String, Object>> rows = tenant.asManager().get("/api/metrics/sales?from=2025-01-01&to=2025-12-31&grain=day")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        rows.forEach(r -> byDay.put((String) r.get("period"), new BigDecimal(r.get("netRevenue").toString())));
        return byDay;
    }

    private static BigDecimal monthlyTotal(Api.TestTenant tenant) {
        List<Map<String, Object>> rows = tenant.asManager().get("/api/metrics/sales?from=2025-01-01&to=2025-12-31&grain=month")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().map(r -> new BigDecimal(r.get("netRevenue").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
