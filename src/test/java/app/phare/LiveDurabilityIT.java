package app.phare;

import app.phare.testing.PackagedApp;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 2: kill -9 of the packaged application while a client streams events in batches of 100. After the
 * restart every event that got a 202 is stored and counted, none twice; the batch in flight, retried, completes.
 */
class LiveDurabilityIT {

    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    /** A batch of 100 purchases, numbered from first; amounts (1000 + n) cents. */
    static String batch(int first, Instant at) {
        StringBuilder json = new StringBuilder("[");
        for (int n = first; n < first + 100; n++) {
            json.append(n == first ? "" : ",").append("{\"eventId\":\"d").append(n).append("\",\"type\":\"purchase\",\"occurredAt\":\"")
                    .append(at).append("\",\"orderId\":\"o").append(n).append("\",\"amount\":")
                    .append(BigDecimal.valueOf(1000 + n, 2).toPlainString()).append('}');
        }
        return json.append(']').toString();
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillAndIsCountedOnce() throws Exception {
        Path dir = Files.createTempDirectory("phare-durable-");
        int port = 18_700 + (int) (ProcessHandle.current().pid() % 300);
        int dbPort = port + 1000;
        app = new PackagedApp(dir, port, Map.of("PHARE_DEMO_DATA", "false")).start("-Dphare.embedded-db.port=" + dbPort);
        String token = app.token("events:write");
        Instant at = Instant.now();

        List<Integer> acked = Collections.synchronizedList(new ArrayList<>());
        List<Integer> unacked = Collections.synchronizedList(new ArrayList<>());
        Thread client = new Thread(() -> {
            for (int first = 0; ; first += 100) {
                try {
                    HttpResponse<String> r = app.postWithToken("/api/events", token, batch(first, at));
                    if (r.statusCode() == 202) {
                        acked.add(first);
                    } else {
                        unacked.add(first);
                    }
                } catch (Exception e) {
                    unacked.add(first); // the answer never came: the client does not know, and will retry
                    return;
                }
            }
        }, "event-client");
        client.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 40);
        app.kill();
        client.join(30_000);
        assertThat(client.isAlive()).isFalse();
        assertThat(unacked).isNotEmpty();

        app.start("-Dphare.embedded-db.port=" + dbPort);
        String url = "jdbc:postgresql://localhost:" + dbPort + "/phare";
        long stored;
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            List<String> ackedIds = new ArrayList<>();
            for (int first : acked) {
                for (int n = first; n < first + 100; n++) {
                    ackedIds.add("d" + n);
                }
            }
            try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM live_event WHERE event_id = ANY (?)")) {
                ps.setArray(1, db.createArrayOf("text", ackedIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("acknowledged events stored").isEqualTo(ackedIds.size());
                }
            }
            try (PreparedStatement ps = db.prepareStatement("SELECT count(*), sum(amount) FROM live_event");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getLong(1);
                BigDecimal sum = rs.getBigDecimal(2);
                JsonPath today = exact(app.get("/api/live/today").body());
                assertThat(today.getLong("orders")).as("counted after restart").isEqualTo(stored);
                assertThat(today.<BigDecimal>get("revenue")).isEqualByComparingTo(sum);
                assertThat(stored).isGreaterThanOrEqualTo(ackedIds.size());
            }
        }
        // the client retries what it never heard back about: nothing is counted twice
        int total = (acked.size() + unacked.size()) * 100;
        for (int first : unacked) {
            JsonPath r = JsonPath.from(app.postWithToken("/api/events", token, batch(first, at)).body());
            assertThat(r.getInt("accepted") + r.getInt("duplicates")).isEqualTo(100);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(exact(app.get("/api/live/today").body()).getLong("orders")).isEqualTo(total));
        BigDecimal expected = BigDecimal.ZERO;
        for (int n = 0; n < total; n++) {
            expected = expected.add(BigDecimal.valueOf(1000 + n, 2));
        }
        assertThat(exact(app.get("/api/live/today").body()).<BigDecimal>get("revenue")).isEqualByComparingTo(expected);
    }

    private static JsonPath exact(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}
