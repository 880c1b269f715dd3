package app.phare;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as a user runs it (java -jar target/quarkus-app/quarkus-run.jar, no database
 * configured): it starts an embedded PostgreSQL in its data directory, creates the Demo tenant and loads the demo
 * year, stops cleanly, and on the next start finds its data again.
 */
class PackagedAppIT {

    private static final String PASSWORD = "packaged-test-pw";
    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsOnAnEmbeddedDatabaseLoadsTheDemoAndKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("phare-packaged-");
        int port = 18_000 + (int) (ProcessHandle.current().pid() % 1000);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        start(dataDir, port);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> get(http, port, "/q/health/ready", false).statusCode() == 200);
        assertThat(get(http, port, "/login", false).body()).contains("j_security_check");
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(http, port, "/api/runs", true).body().contains("\"status\":\"succeeded\""));
        String months = get(http, port, "/api/metrics/sales?from=2000-01-01&to=2100-01-01&grain=month", true).body();
        assertThat(months).contains("\"currency\":\"GBP\"").contains("netRevenue");
        assertThat(Files.exists(dataDir.resolve("data/postgres/PG_VERSION"))).isTrue();

        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();

        start(dataDir, port);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> get(http, port, "/q/health/ready", false).statusCode() == 200);
        String runs = get(http, port, "/api/runs", true).body();
        assertThat(runs).contains("\"trigger\":\"first-start\"");
        assertThat(runs.split("\"runId\"").length - 1).as("no second demo load").isEqualTo(1);
        assertThat(get(http, port, "/api/metrics/sales?from=2000-01-01&to=2100-01-01&grain=month", true).body()).isEqualTo(months);
    }

    private void start(Path dataDir, int port) throws IOException {
        Path log = dataDir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString())
                .directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().put("PHARE_ADMIN_PASSWORD", PASSWORD);
        app = pb.start();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, boolean auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
        if (auth) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin@demo.local:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
