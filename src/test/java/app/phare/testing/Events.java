package app.phare.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of live events and API tokens, as a shop's integration would send them. */
public final class Events {

    private Events() {
    }

    /** A new API token of the tenant with the given scopes (created by its admin). */
    public static String aToken(Api.TestTenant t, String... scopes) {
        return t.asAdmin().body(Map.of("name", "shop " + System.nanoTime(), "scopes", List.of(scopes)))
                .post("/api/tokens").then().statusCode(201).extract().path("token");
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /**
     * Posts a batch with the JDK client (REST Assured's per-request overhead dominates when a test sends 200 batches);
     * returns the answer as a JsonPath reading numbers as BigDecimal.
     */
    public static io.restassured.path.json.JsonPath post(String token, List<Map<String, Object>> events) {
        try {
            java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/events"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(events))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return exact(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JsonPath that reads numbers as BigDecimal (money must not pass through float). */
    public static io.restassured.path.json.JsonPath exact(String json) {
        return new io.restassured.path.json.JsonPath(json).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    public static Map<String, Object> anEvent(String id, String type, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("type", type);
        e.put("occurredAt", at.toString());
        return e;
    }

    public static Map<String, Object> aPageView(String id, String session, Instant at) {
        Map<String, Object> e = anEvent(id, "page_view", at);
        e.put("sessionId", session);
        return e;
    }

    public static Map<String, Object> aCartAdd(String id, String session, Instant at, String sku, int qty, String price) {
        Map<String, Object> e = anEvent(id, "cart_add", at);
        e.put("sessionId", session);
        e.put("items", List.of(Map.of("sku", sku, "quantity", qty, "unitPrice", new BigDecimal(price))));
        return e;
    }

    public static Map<String, Object> aPurchaseEvent(String id, String session, String order, Instant at, String amount) {
        Map<String, Object> e = anEvent(id, "purchase", at);
        e.put("sessionId", session);
        e.put("orderId", order);
        e.put("amount", new BigDecimal(amount));
        return e;
    }

    public static Map<String, Object> aRefund(String id, String order, Instant at, String amount) {
        Map<String, Object> e = anEvent(id, "refund", at);
        e.put("orderId", order);
        e.put("amount", new BigDecimal(amount));
        return e;
    }
}
