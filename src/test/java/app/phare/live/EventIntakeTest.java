package app.phare.live;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.phare.testing.Events.aPageView;
import static app.phare.testing.Events.aPurchaseEvent;
import static app.phare.testing.Events.aToken;
import static app.phare.testing.Events.anEvent;
import static app.phare.testing.Events.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class EventIntakeTest {

    @Test
    void tokenIsShownOnceStoredHashedAndListedByPrefix() {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        assertThat(token).startsWith("phr_").hasSizeGreaterThan(40);
        String list = t.asAdmin().get("/api/tokens").then().statusCode(200)
                .body("[0].scopes", equalTo(List.of("events:write")))
                .body("[0].active", equalTo(true))
                .body("[0].lastUsedAt", equalTo(null))
                .extract().asString();
        assertThat(list).doesNotContain(token).contains(token.substring(0, 12));
        withToken(token).body(List.of(aPageView("e1", "s1", Instant.now()))).post("/api/events").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                t.asAdmin().get("/api/tokens").then().extract().path("[0].lastUsedAt") != null);
    }

    @Test
    void onlyAdminsManageTokensAndScopesAreChecked() {
        Api.TestTenant t = Api.aTenant();
        t.asManager().body(Map.of("name", "x", "scopes", List.of("events:write"))).post("/api/tokens").then().statusCode(403);
        t.asAdmin().body(Map.of("name", "x", "scopes", List.of("everything"))).post("/api/tokens").then().statusCode(400)
                .body("detail", containsString("unknown scope"));
        t.asAdmin().body(Map.of("name", "", "scopes", List.of("events:write"))).post("/api/tokens").then().statusCode(400)
                .body("field", equalTo("name"));
        String paymentsOnly = aToken(t, "payments:check");
        withToken(paymentsOnly).body(List.of(aPageView("e1", "s1", Instant.now()))).post("/api/events").then().statusCode(403);
    }

    @Test
    void eventsNeedAValidUnrevokedBearerToken() {
        Api.TestTenant t = Api.aTenant();
        String body = "[{\"eventId\":\"e1\",\"type\":\"page_view\",\"occurredAt\":\"" + Instant.now() + "\"}]";
        RestAssured.given().contentType("application/json").body(body).post("/api/events").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        t.asAdmin().body(body).post("/api/events").then().statusCode(401);
        withToken("phr_not-a-real-token-at-all-0000000000000000000").body(body).post("/api/events").then().statusCode(401);
        String token = aToken(t, "events:write");
        withToken(token).body(body).post("/api/events").then().statusCode(202).body("accepted", equalTo(1));
        long id = t.asAdmin().get("/api/tokens").then().extract().jsonPath().getLong("[0].id");
        t.asAdmin().delete("/api/tokens/" + id).then().statusCode(200).body("active", equalTo(false));
        withToken(token).body(body).post("/api/events").then().statusCode(401);
        Api.aTenant().asAdmin().delete("/api/tokens/" + id).then().statusCode(404);
    }

    @Test
    void validEventsOfABatchAreAcceptedAndInvalidOnesRejectedOneByOne() {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(aPurchaseEvent("ok-1", "s1", "o1", now, "19.99"));
        Map<String, Object> noOrder = aPurchaseEvent("bad-1", "s1", "o1", now, "5");
        noOrder.remove("orderId");
        batch.add(noOrder);
        batch.add(anEvent("bad-2", "teleport", now));
        batch.add(aPurchaseEvent("bad-3", "s1", "o2", now.plus(1, ChronoUnit.DAYS), "5"));
        batch.add(aPurchaseEvent("bad-4", "s1", "o2", now, "-5"));
        Map<String, Object> wrongCurrency = aPurchaseEvent("bad-5", "s1", "o2", now, "5");
        wrongCurrency.put("currency", "USD");
        batch.add(wrongCurrency);
        batch.add(aPurchaseEvent("ok-1", "s1", "o1", now, "19.99"));
        withToken(token).body(batch).post("/api/events").then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("rejected", hasSize(5))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].error", containsString("orderId"))
                .body("rejected[1].error", containsString("teleport"))
                .body("rejected[2].error", containsString("future"))
                .body("rejected[3].error", containsString("negative"))
                .body("rejected[4].error", containsString("GBP"));
        withToken(token).body(List.of(aPurchaseEvent("ok-1", "s1", "o1", now, "19.99"))).post("/api/events").then()
                .statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
    }

    @Test
    void anEventWithANulCharacterIsRejectedAloneAndTheOthersAreStored() throws Exception {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> nulCustomer = aPurchaseEvent("nul-1", "s1", "o2", now, "5");
        nulCustomer.put("customerId", "c\u0000");
        Map<String, Object> nulSku = app.phare.testing.Events.aCartAdd("nul-2", "s1", now, "SKU\u00001", 1, "2.00");
        withToken(token).body(List.of(aPurchaseEvent("ok-1", "s1", "o1", now, "19.99"), nulCustomer, nulSku,
                        aPageView("ok-2", "s1", now))).post("/api/events").then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", hasSize(2))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].reason", equalTo("customerId contains a NUL character (\\u0000), which Phare cannot store"))
                .body("rejected[0].error", containsString("customerId"))
                .body("rejected[1].index", equalTo(2))
                .body("rejected[1].reason", containsString("sku contains a NUL character"));
        try (java.sql.Connection c = app.phare.testing.Database.connect();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT string_agg(event_id, ',' ORDER BY event_id) FROM live_event WHERE tenant_id = ?")) {
            ps.setLong(1, t.id());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok-1,ok-2");
            }
        }
    }

    @Test
    void aBodyThatIsNotAJsonArrayIsA400AndTooLargeABatchA413() {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        withToken(token).body("{not json").post("/api/events").then().statusCode(400).body("detail", containsString("not JSON"));
        withToken(token).body("{\"eventId\": \"x\"}").post("/api/events").then().statusCode(400).body("detail", containsString("array"));
        withToken(token).body("").post("/api/events").then().statusCode(400);
        List<Map<String, Object>> big = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            big.add(aPageView("p" + i, "s", Instant.now()));
        }
        withToken(token).body(big).post("/api/events").then().statusCode(413);
    }
}
