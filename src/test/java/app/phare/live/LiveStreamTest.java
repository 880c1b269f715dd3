package app.phare.live;

import app.phare.testing.Api;
import app.phare.testing.Events;
import app.phare.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.phare.testing.Events.aCartAdd;
import static app.phare.testing.Events.aPurchaseEvent;
import static app.phare.testing.Events.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Live figures pushed over Server-Sent Events, resumed with Last-Event-ID; abandoned carts and their recovery. */
@QuarkusTest
class LiveStreamTest {

    @Test
    void aPurchaseReachesTheStreamAndAReconnectGetsExactlyWhatItMissed() {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        SseClient.Event last;
        try (SseClient stream = SseClient.open("/api/live/stream", t.manager(), t.password(), null)) {
            SseClient.Event first = stream.next(Duration.ofSeconds(5));
            assertThat(first).isNotNull();
            assertThat(first.name()).isEqualTo("live");
            assertThat(Events.exact(first.data()).getBoolean("activityReset")).isTrue();

            long posted = System.nanoTime();
            Events.post(token, List.of(aPurchaseEvent("p1", "s1", "o1", Instant.now(), "25.00")));
            last = awaitOrders(stream, 1);
            assertThat(Events.exact(last.data()).getList("activity.eventId")).containsExactly("p1");
            assertThat(Duration.ofNanos(last.receivedNanos() - posted)).isLessThan(Duration.ofSeconds(1));
        }
        Events.post(token, List.of(aPurchaseEvent("p2", "s2", "o2", Instant.now(), "10.00"),
                aPurchaseEvent("p3", "s3", "o3", Instant.now(), "5.00")));
        try (SseClient resumed = SseClient.open("/api/live/stream", t.manager(), t.password(), last.id())) {
            SseClient.Event e = resumed.next(Duration.ofSeconds(5));
            JsonPath j = Events.exact(e.data());
            assertThat(j.getBoolean("activityReset")).isFalse();
            assertThat(j.getList("activity.eventId")).containsExactly("p3", "p2");
            assertThat(j.getLong("today.orders")).isEqualTo(3);
            assertThat(j.<java.math.BigDecimal>get("today.revenue")).isEqualByComparingTo("40.00");
        }
        // a stranger's id (another instance, or a forged one) gets the list afresh, never a partial replay
        try (SseClient foreign = SseClient.open("/api/live/stream", t.manager(), t.password(), "elsewhere-2")) {
            JsonPath j = Events.exact(foreign.next(Duration.ofSeconds(5)).data());
            assertThat(j.getBoolean("activityReset")).isTrue();
            assertThat(j.getList("activity.eventId")).containsExactly("p3", "p2", "p1");
        }
    }

    @Test
    void anotherTenantsStreamNeverSeesTheEvents() {
        Api.TestTenant t = Api.aTenant();
        Api.TestTenant other = Api.aTenant();
        try (SseClient stream = SseClient.open("/api/live/stream", other.manager(), other.password(), null)) {
            stream.next(Duration.ofSeconds(5));
            Events.post(aToken(t, "events:write"), List.of(aPurchaseEvent("p1", "s1", "o1", Instant.now(), "25.00")));
            SseClient.Event e = stream.next(Duration.ofSeconds(2));
            assertThat(e).isNull();
        }
        other.asManager().get("/api/live/today").then().body("orders", equalTo(0));
        other.asManager().get("/api/live/activity").then().body("size()", equalTo(0));
    }

    @Test
    void aCartWithoutPurchaseIsAbandonedAfterTheWindowAndALaterPurchaseRecoversIt() {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        t.asManager().body(Map.of("cartWindowMinutes", 0.05)).put("/api/live/settings").then().statusCode(403);
        t.asAdmin().body(Map.of("cartWindowMinutes", -1)).put("/api/live/settings").then().statusCode(400);
        t.asAdmin().body(Map.of("cartWindowMinutes", 0.05)).put("/api/live/settings").then().statusCode(200)
                .body("cartWindowSeconds", equalTo(3));
        Instant at = Instant.now();
        Events.post(token, List.of(
                aCartAdd("c1", "left", at, "MUG", 2, "4.50"),
                aCartAdd("c2", "left", at, "PEN", 1, "12.00"),
                aCartAdd("c3", "bought", at, "MUG", 1, "4.50"),
                aPurchaseEvent("p1", "bought", "o1", at, "4.50")));
        long windowClosed = System.nanoTime() + 3_000_000_000L;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> !t.asManager().get("/api/live/carts").then().extract().jsonPath().getList("$").isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - windowClosed)).isLessThan(Duration.ofSeconds(10));
        JsonPath carts = Events.exact(t.asManager().get("/api/live/carts").then().extract().asString());
        assertThat(carts.getList("sessionId")).containsExactly("left");
        assertThat(carts.<java.math.BigDecimal>get("[0].value")).isEqualByComparingTo("21.00");
        assertThat(carts.getBoolean("[0].recovered")).isFalse();

        Events.post(token, List.of(aPurchaseEvent("p2", "left", "o2", Instant.now(), "21.00")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                t.asManager().get("/api/live/carts").then().extract().jsonPath().getBoolean("[0].recovered"));
        assertThat(t.asManager().get("/api/live/carts").then().extract().jsonPath().getString("[0].recoveredOrderId")).isEqualTo("o2");
        assertThat(Api.aTenant().asManager().get("/api/live/carts").then().extract().jsonPath().getList("$")).isEmpty();
    }

    private static SseClient.Event awaitOrders(SseClient stream, long orders) {
        for (int i = 0; i < 50; i++) {
            SseClient.Event e = stream.next(Duration.ofSeconds(2));
            assertThat(e).as("an update within 2 s").isNotNull();
            if (Events.exact(e.data()).getLong("today.orders") == orders) {
                return e;
            }
        }
        throw new AssertionError("no update with " + orders + " orders");
    }
}
