package app.phare.fraud;

import app.phare.testing.Api;
import app.phare.testing.Events;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers for the payment check, driven through the API as a shop would: tokens, payments, purchases. */
final class FraudApi {

    private FraudApi() {
    }

    static String aToken(Api.TestTenant t, String... scopes) {
        return Events.aToken(t, scopes);
    }

    static RequestSpecification withToken(String token) {
        return Events.withToken(token);
    }

    /** An ordinary payment of 49.90 GBP by a customer, all countries GB, happening now. */
    static Map<String, Object> aPayment(String customerId) {
        Map<String, Object> p = new HashMap<>();
        p.put("paymentId", "pay-" + UUID.randomUUID());
        p.put("orderId", "ord-" + UUID.randomUUID().toString().substring(0, 8));
        p.put("customerId", customerId);
        p.put("email", customerId.toLowerCase() + "@example.com");
        p.put("amount", 49.90);
        p.put("currency", "GBP");
        p.put("cardCountry", "GB");
        p.put("ipCountry", "GB");
        p.put("billingCountry", "GB");
        p.put("occurredAt", Instant.now().toString());
        return p;
    }

    static Response check(String token, Object payment) {
        return withToken(token).body(payment).post("/api/payments/check");
    }

    /** The customer's purchases, sent as events with an events:write token. */
    static void postPurchases(String eventsToken, String customerId, double... amounts) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (double amount : amounts) {
            String id = UUID.randomUUID().toString();
            events.add(Map.of("eventId", "ev-" + id, "type", "purchase", "occurredAt", Instant.now().toString(),
                    "customerId", customerId, "orderId", "o-" + id, "amount", amount));
        }
        withToken(eventsToken).body(events).post("/api/events").then().statusCode(202);
    }
}
