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
