package app.phare;

import app.phare.testing.OnlineRetailReference;
import app.phare.testing.PackagedApp;
import app.phare.testing.SharedData;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the packaged application (embedded PostgreSQL, as a user runs it) in the middle of the nightly run on the
 * 541,909-line online-retail export: after a restart the run is marked interrupted, a recovery run retries it, and
 * the monthly figures equal the independent reference, with no duplicate facts and the stored file intact.
 */
class CrashRecoveryIT {

    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aRunKilledMidwayIsRecoveredAndGivesTheFiguresOfAnUninterruptedRun() throws Exception {
        Path dir = Files.createTempDirectory("phare-crash-");
        int port = 18_100 + (int) (ProcessHandle.current().pid() % 500);
        int dbPort = port + 1000;
        app = new PackagedApp(dir, port, Map.of("PHARE_DEMO_DATA", "false")).start("-Dphare.embedded-db.port=" + dbPort);

        String mapping = """
                {"name": "Online retail", "kind": "orders", "format": {"delimiter": ",", "encoding": "UTF-8", "timezone": "Europe/London"},
                 "mapping": {"orderId": "InvoiceNo", "orderedAt": "InvoiceDate", "sku": "StockCode", "description": "Description",
                             "quantity": "Quantity", "unitPrice": "UnitPrice", "customerId": "CustomerID", "country": "Country"}}""";
        var created = app.post("/api/sources", mapping);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long source = JsonPath.from(created.body()).getLong("id");
        var upload = app.upload("/api/sources/" + source + "/files", SharedData.onlineRetail());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long fileId = JsonPath.from(upload.body()).getLong("fileId");

        String url = "jdbc:postgresql://localhost:" + dbPort + "/phare";
        long run = JsonPath.from(app.post("/api/jobs/nightly/runs", null).body()).getLong("runId");
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            // kill the instance while it streams the facts into PostgreSQL
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> copyingFacts(db));
            app.kill();
            assertThat(app.alive()).isFalse();
        }
        // its PostgreSQL is still running, orphaned: the next start must deal with it
        app.start("-Dphare.embedded-db.port=" + dbPort);
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> JsonPath.from(app.get("/api/runs/" + run).body()).getString("status").equals("interrupted"));
            JsonPath interrupted = JsonPath.from(app.get("/api/runs/" + run).body());
            assertThat(interrupted.getString("error")).contains("interrupted");

            List<Map<String, Object>> recoveries = JsonPath.from(app.get("/api/runs?trigger=recovery").body()).getList("");
            assertThat(recoveries).hasSize(1);
            long recovery = ((Number) recoveries.get(0).get("runId")).longValue();
            assertThat(recoveries.get(0)).containsEntry("retryOf", (int) run);
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !List.of("queued", "running").contains(JsonPath.from(app.get("/api/runs/" + recovery).body()).getString("status")));
            assertThat(JsonPath.from(app.get("/api/runs/" + recovery).body()).getString("status")).isEqualTo("succeeded");

            // the figures are those of an uninterrupted run
            JsonPath months = JsonPath.from(app.get("/api/metrics/sales?from=2010-12-01&to=2011-12-31&grain=month").body())
                    .using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            assertThat(OnlineRetailReference.apiRows(months.getList("rows"), false))
                    .containsExactlyElementsOf(OnlineRetailReference.monthly(db));
            // no duplicate facts, and the file kept
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT (run_id)) FROM order_line")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(534_129);
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
            JsonPath file = JsonPath.from(app.get("/api/sources/" + source + "/files/" + fileId).body());
            assertThat(file.getString("status")).isEqualTo("processed");
            String expected = sha256(SharedData.onlineRetail());
            assertThat(file.getString("sha256")).isEqualTo(expected);
            try (var stored = Files.walk(dir.resolve("data/uploads"))) {
                List<Path> files = stored.filter(Files::isRegularFile).toList();
                assertThat(files).hasSize(1);
                assertThat(sha256(files.get(0))).as("the stored bytes").isEqualTo(expected);
            }
        }
    }

    private static boolean copyingFacts(Connection db) throws Exception {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY order_line%' AND state = 'active'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String sha256(Path file) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
