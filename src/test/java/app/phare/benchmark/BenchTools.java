package app.phare.benchmark;

import app.phare.testing.Api;
import app.phare.testing.Database;
import io.restassured.RestAssured;
import org.postgresql.PGConnection;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;

/** What the pipeline benchmarks share: a clean start, the COPY floor, a streamed upload, a run timed to its commit. */
final class BenchTools {

    private BenchTools() {
    }

    /** Each measurement starts from a clean state: no dirty pages of the previous one being written meanwhile. */
    static void checkpoint() throws Exception {
        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    /** The floor: a plain COPY of the file into an unindexed table of text columns, same server, committed. */
    static long copyFloorMillis(Path file, int columns) throws Exception {
        checkpoint();
        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS benchmark_floor");
            StringBuilder cols = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                cols.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
            }
            st.execute("CREATE TABLE benchmark_floor (" + cols + ")");
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY benchmark_floor FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            st.execute("DROP TABLE benchmark_floor");
            return millis;
        }
    }

    /** Uploads a file of any size, streamed from disk, as the tenant's admin. */
    static void upload(Api.TestTenant t, long sourceId, Path file) throws Exception {
        String base = RestAssured.baseURI + ":" + RestAssured.port + (RestAssured.basePath.endsWith("/")
                ? RestAssured.basePath.substring(0, RestAssured.basePath.length() - 1) : RestAssured.basePath);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/sources/" + sourceId + "/files"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((t.admin() + ":" + t.password())
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
    }

    /** A run and the wall time from its trigger to its commit. */
    record TimedRun(long runId, long millis) {
    }

    /**
     * Triggers the nightly run and returns it with the wall time until it has committed: the run's NOTIFY on channel
     * pipeline_run reaches a listening connection at commit, without polling load on the machine.
     */
    static TimedRun runAndWait(Api.TestTenant tenant) throws Exception {
        try (Connection listener = Database.connect(); Statement st = listener.createStatement()) {
            st.execute("LISTEN pipeline_run");
            long start = System.nanoTime();
            long runId = tenant.asAdmin().post("/api/jobs/nightly/runs").then().statusCode(202).extract().jsonPath().getLong("runId");
            PGConnection pg = listener.unwrap(PGConnection.class);
            while (true) {
                var notifications = pg.getNotifications(1_800_000);
                if (notifications == null || notifications.length == 0) {
                    throw new IllegalStateException("run " + runId + " did not finish within 30 minutes");
                }
                for (var n : notifications) {
                    if (n.getParameter().equals(runId + " succeeded")) {
                        return new TimedRun(runId, (System.nanoTime() - start) / 1_000_000);
                    }
                    if (n.getParameter().equals(runId + " failed")) {
                        throw new IllegalStateException("run " + runId + " failed");
                    }
                }
            }
        }
    }
}
