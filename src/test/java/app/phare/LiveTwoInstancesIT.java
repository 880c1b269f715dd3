package app.phare;

import app.phare.common.db.EmbeddedDatabase;
import app.phare.testing.PackagedApp;
import app.phare.testing.SseClient;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 5: two packaged instances on one PostgreSQL with PHARE_MESSAGING=rabbitmq, events sent to both (some to
 * both): each instance counts every event once, and a purchase posted to one reaches a browser stream on the other.
 * Needs the RabbitMQ at localhost:5672; skipped without it, except where PHARE_REQUIRE_RABBITMQ=true (CI).
 */
class LiveTwoInstancesIT {

    private final List<PackagedApp> apps = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedApp app : apps) {
            app.stop();
        }
    }

    static boolean brokerUp() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", 5672), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void eventsSentToBothInstancesAreCountedOnceByEach() throws Exception {
        if (!brokerUp()) {
            assertThat(System.getenv("PHARE_REQUIRE_RABBITMQ")).as("RabbitMQ on localhost:5672 is required here").isNotEqualTo("true");
            Assumptions.abort("no RabbitMQ on localhost:5672");
        }
        Path dir = Files.createTempDirectory("phare-rabbit-");
        int base = 19_300 + (int) (ProcessHandle.current().pid() % 300);
        Map<String, String> db = EmbeddedDatabase.start(dir.resolve("shared-postgres"), 0);
        Map<String, String> env = Map.of("PHARE_DEMO_DATA", "false", "QUARKUS_DATASOURCE_JDBC_URL", db.get("quarkus.datasource.jdbc.url"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "", "PHARE_MESSAGING", "rabbitmq",
                "RABBITMQ_HOST", "localhost", "RABBITMQ_PORT", "5672");
        PackagedApp a = new PackagedApp(dir, base, env);
        PackagedApp b = new PackagedApp(dir, base + 1, env);
        apps.add(a);
        apps.add(b);
        a.start();
        b.start();
        String token = a.token("events:write");

        Instant now = Instant.now();
        BigDecimal total = BigDecimal.ZERO;
        List<String> batches = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                BigDecimal amount = BigDecimal.valueOf(1000 + n, 2);
                total = total.add(amount);
                json.append(i == 0 ? "" : ",").append("{\"eventId\":\"p").append(n).append("\",\"type\":\"purchase\",\"occurredAt\":\"")
                        .append(now).append("\",\"orderId\":\"o").append(n).append("\",\"sessionId\":\"s").append(n)
                        .append("\",\"amount\":").append(amount.toPlainString()).append('}');
            }
            batches.add(json.append(']').toString());
        }
        int accepted = 0, duplicates = 0;
        for (int i = 0; i < batches.size(); i++) {
            PackagedApp to = i % 2 == 0 ? a : b;
            JsonPath r = JsonPath.from(to.postWithToken("/api/events", token, batches.get(i)).body());
            accepted += r.getInt("accepted");
            if (i % 5 == 0) {
                // the same batch again, on the other instance: a client retrying elsewhere
                PackagedApp other = to == a ? b : a;
                duplicates += JsonPath.from(other.postWithToken("/api/events", token, batches.get(i)).body()).getInt("duplicates");
            }
        }
        assertThat(accepted).isEqualTo(2000);
        assertThat(duplicates).isEqualTo(400);
        for (PackagedApp app : List.of(a, b)) {
            BigDecimal expected = total;
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonPath today = exact(app.get("/api/live/today").body());
                assertThat(today.getLong("orders")).isEqualTo(2000);
                assertThat(today.<BigDecimal>get("revenue")).isEqualByComparingTo(expected);
                assertThat(today.getLong("sessions")).isEqualTo(2000);
            });
        }

        // a purchase posted to B reaches a stream open on A
        try (SseClient stream = SseClient.open(a.baseUrl(), "/api/live/stream", "admin@demo.local", PackagedApp.PASSWORD, null)) {
            assertThat(stream.next(Duration.ofSeconds(5))).isNotNull();
            long posted = System.nanoTime();
            b.postWithToken("/api/events", token, "[{\"eventId\":\"late\",\"type\":\"purchase\",\"occurredAt\":\"" + Instant.now()
                    + "\",\"orderId\":\"late\",\"amount\":1}]");
            SseClient.Event e;
            do {
                e = stream.next(Duration.ofSeconds(2));
                assertThat(e).as("an update on A").isNotNull();
            } while (exact(e.data()).getLong("today.orders") != 2001);
            assertThat(Duration.ofNanos(e.receivedNanos() - posted)).isLessThan(Duration.ofSeconds(1));
        }

        // payment velocity counts the customer's payments on both instances: the 4th in 10 minutes is reviewed
        String payments = a.token("payments:check");
        List<String> decisions = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            PackagedApp to = i % 2 == 1 ? a : b;
            String body = "{\"paymentId\":\"pay" + i + "\",\"customerId\":\"cx\",\"amount\":20,\"currency\":\"GBP\","
                    + "\"occurredAt\":\"" + Instant.now() + "\"}";
            var r = to.postWithToken("/api/payments/check", payments, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            decisions.add(JsonPath.from(r.body()).getString("decision"));
            Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        }
        assertThat(decisions).containsExactly("allow", "allow", "allow", "review");

        // a cart left on A is swept on both instances: the sweep is node-local, each instance follows its own memory
        for (PackagedApp app : List.of(a, b)) {
            assertThat(app.put("/api/live/settings", "{\"cartWindowMinutes\": 0.05}").statusCode()).isEqualTo(200);
        }
        a.postWithToken("/api/events", token, "[{\"eventId\":\"cart-left\",\"type\":\"cart_add\",\"occurredAt\":\""
                + Instant.now() + "\",\"sessionId\":\"left-behind\",\"items\":[{\"sku\":\"MUG\",\"quantity\":1,\"unitPrice\":9.5}]}]");
        for (PackagedApp app : List.of(a, b)) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(JsonPath.from(app.get("/api/live/carts").body()).getList("sessionId")).as("abandoned carts on " + app.baseUrl())
                            .contains("left-behind"));
        }
    }

    private static JsonPath exact(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}
