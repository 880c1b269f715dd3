package app.phare;

import app.phare.testing.PackagedApp;
import app.phare.testing.SharedData;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 4 of the reports: kill -9 of the packaged application while it generates reports on the online-retail
 * year; after the restart the report that was running is queued again and, like the others, ready.
 */
class ReportCrashIT {

    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aReportCutOffByAKillIsRequeuedAndReadyAfterTheRestart() throws Exception {
        Path dir = Files.createTempDirectory("phare-report-crash-");
        int port = 18_400 + (int) (ProcessHandle.current().pid() % 300);
        int dbPort = port + 1000;
        String[] jvm = {"-Dphare.embedded-db.port=" + dbPort, "-Dphare.reports.stale-after=3s"};
        app = new PackagedApp(dir, port, Map.of("PHARE_DEMO_DATA", "false")).start(jvm);
        String mapping = """
                {"name": "Online retail", "kind": "orders", "format": {"delimiter": ",", "encoding": "UTF-8", "timezone": "Europe/London"},
                 "mapping": {"orderId": "InvoiceNo", "orderedAt": "InvoiceDate", "sku": "StockCode", "description": "Description",
                             "quantity": "Quantity", "unitPrice": "UnitPrice", "customerId": "CustomerID", "country": "Country"}}""";
        long source = JsonPath.from(app.post("/api/sources", mapping).body()).getLong("id");
        assertThat(app.upload("/api/sources/" + source + "/files", SharedData.onlineRetail()).statusCode()).isEqualTo(202);
        long run = JsonPath.from(app.post("/api/jobs/nightly/runs", null).body()).getLong("runId");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                JsonPath.from(app.get("/api/runs/" + run).body()).getString("status").equals("succeeded"));

        List<Long> ids = new ArrayList<>();
        for (int m = 1; m <= 8; m++) {
            String from = String.format("2011-%02d-01", m);
            String body = "{\"type\": \"sales-summary\", \"from\": \"2010-12-01\", \"to\": \"" + java.time.LocalDate.parse(from)
                    .plusMonths(1).minusDays(1) + "\", \"format\": \"" + (m % 2 == 0 ? "pdf" : "xlsx") + "\"}";
            var r = app.post("/api/reports", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(JsonPath.from(r.body()).getLong("reportId"));
        }
        String url = "jdbc:postgresql://localhost:" + dbPort + "/phare";
        long cutOff;
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> running(db) != null);
            cutOff = running(db);
            app.kill();
        }
        app.start(jvm);
        for (long id : ids) {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    List.of("ready", "failed").contains(JsonPath.from(app.get("/api/reports/" + id).body()).getString("status")));
            assertThat(JsonPath.from(app.get("/api/reports/" + id).body()).getString("status")).as("report " + id).isEqualTo("ready");
            var file = app.get("/api/reports/" + id + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
        }
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement ps = db.prepareStatement("SELECT attempts FROM report WHERE id = ?")) {
            ps.setLong(1, cutOff);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("attempts of the report cut off").isEqualTo(2);
            }
        }
    }

    private static Long running(Connection db) throws java.sql.SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM report WHERE status = 'running' LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }
}
