package app.phare;

import app.phare.testing.PackagedApp;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3 (health) of the operations issue: readiness goes DOWN when the database stops and UP again when it is
 * back, without restarting the application; liveness stays UP throughout (a restart would not bring the database back).
 */
class ReadinessIT {

    private PackagedApp app;
    private EmbeddedPostgres db;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void readinessFollowsTheDatabaseWithoutARestart() throws Exception {
        Path dir = Files.createTempDirectory("phare-ready-");
        int dbPort;
        try (ServerSocket s = new ServerSocket(0)) {
            dbPort = s.getLocalPort();
        }
        db = database(dir, dbPort);
        try (Connection c = db.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE phare");
        }
        String url = "jdbc:postgresql://localhost:" + dbPort + "/phare";
        int port = 19_500 + (int) (ProcessHandle.current().pid() % 200);
        app = new PackagedApp(dir, port, Map.of("PHARE_DEMO_DATA", "false", "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "")).start();
        assertThat(health(app, "/q/health/ready").statusCode()).isEqualTo(200);

        db.close();
        db = null;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(app, "/q/health/ready").statusCode() == 503);
        HttpResponse<String> down = health(app, "/q/health/ready");
        assertThat(JsonPath.from(down.body()).getString("status")).isEqualTo("DOWN");
        assertThat(down.body()).contains("Database connections health check");
        assertThat(health(app, "/q/health/live").statusCode()).as("alive: restarting would not help").isEqualTo(200);

        db = database(dir, dbPort);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(app, "/q/health/ready").statusCode() == 200);
        assertThat(app.alive()).as("the same process").isTrue();
        assertThat(app.get("/api/tenants").statusCode()).as("and it works again").isEqualTo(200);
    }

    private static EmbeddedPostgres database(Path dir, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static HttpResponse<String> health(PackagedApp app, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
