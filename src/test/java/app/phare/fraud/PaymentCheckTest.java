package app.phare.fraud;

import app.phare.testing.Api;
import app.phare.token.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static app.phare.fraud.FraudApi.aPayment;
import static app.phare.fraud.FraudApi.aToken;
import static app.phare.fraud.FraudApi.check;
import static app.phare.fraud.FraudApi.postPurchases;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/payments/check over HTTP with real tokens: decisions, reasons, and who may call it. */
@QuarkusTest
class PaymentCheckTest {

    private Api.TestTenant shop;
    private String token;

    @BeforeEach
    void aShopWithAPaymentsToken() {
        shop = Api.aTenant();
        token = aToken(shop, Scope.PAYMENTS_CHECK);
    }

    private JsonPath decide(Map<String, Object> payment) {
        return check(token, payment).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void allowsAnOrdinaryPayment() {
        Map<String, Object> payment = aPayment("C-ordinary");
        JsonPath d = decide(payment);
        assertThat(d.getString("decision")).isEqualTo("allow");
        assertThat(d.getInt("score")).isZero();
        assertThat(d.getList("reasons")).isEmpty();
        assertThat(d.getString("paymentId")).isEqualTo(payment.get("paymentId"));
    }

    @Test
    void tooManyPaymentsByOneCustomerAreReviewedThenBlocked() {
        for (int i = 0; i < 3; i++) {
            assertThat(decide(aPayment("C-fast")).getString("decision")).isEqualTo("allow");
        }
        JsonPath fourth = decide(aPayment("C-fast"));
        assertThat(fourth.getString("decision")).isEqualTo("review");
        assertThat(fourth.getInt("score")).isEqualTo(40);
        assertThat(fourth.getList("reasons.text")).containsExactly("4 payments by this customer in 10 minutes (limit 3)");
        assertThat(fourth.getList("reasons.rule")).containsExactly("velocity");
        JsonPath fifth = decide(aPayment("C-fast"));
        assertThat(fifth.getString("decision")).isEqualTo("block");
        assertThat(fifth.getList("reasons.text")).containsExactly("5 payments by this customer in 10 minutes (limit 3)");
        // another customer of the same shop is not affected
        assertThat(decide(aPayment("C-slow")).getString("decision")).isEqualTo("allow");
    }

    @Test
    void aRetriedCheckOfTheSamePaymentCountsOnce() {
        Map<String, Object> payment = aPayment("C-retry");
        for (int i = 0; i < 5; i++) {
            assertThat(decide(payment).getString("decision")).isEqualTo("allow");
        }
    }

    @Test
    void anAmountFarAboveTheCustomersUsualPurchasesIsReviewed() {
        postPurchases(aToken(shop, Scope.EVENTS_WRITE), "C-usual", 120.00, 130.00, 140.00);
        Map<String, Object> payment = aPayment("C-usual");
        payment.put("amount", "1250.00");
        // the purchases reach the check's memory through the live stream, a moment after they are stored
        JsonPath d = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> decide(payment), j -> !j.getList("reasons").isEmpty());
        assertThat(d.getString("decision")).isEqualTo("review");
        assertThat(d.getList("reasons.text")).containsExactly("amount 1,250.00 is 9.6× this customer's usual 130.00 (limit 5×)");
    }

    @Test
    void aLargeFirstPurchaseIsNotedButAloneStillAllowed() {
        Map<String, Object> payment = aPayment("C-new");
        payment.put("amount", 800);
        JsonPath d = decide(payment);
        assertThat(d.getString("decision")).isEqualTo("allow");
        assertThat(d.getInt("score")).isEqualTo(30);
        assertThat(d.getList("reasons.text"))
                .containsExactly("amount 800.00 with no earlier purchase is above the first-purchase limit 500.00");
    }

    @Test
    void countryMismatchesAreGivenAsReasons() {
        Map<String, Object> payment = aPayment("C-abroad");
        payment.put("cardCountry", "fr");
        payment.put("ipCountry", "NG");
        payment.put("billingCountry", "gb");
        JsonPath d = decide(payment);
        assertThat(d.getList("reasons.text")).containsExactly("card country FR differs from IP country NG",
                "billing country GB differs from card country FR");
        assertThat(d.getInt("score")).isEqualTo(40);
        assertThat(d.getString("decision")).isEqualTo("review");
    }

    @Test
    void aBlocklistedEmailIsBlocked() {
        shop.asAdmin().body(Map.of("blocklist", Map.of("emails", List.of("Mallory@Example.com"))))
                .put("/api/fraud/rules").then().statusCode(200);
        Map<String, Object> payment = aPayment("C-mallory");
        payment.put("email", "MALLORY@example.com");
        JsonPath d = decide(payment);
        assertThat(d.getString("decision")).isEqualTo("block");
        assertThat(d.getInt("score")).isEqualTo(100);
        assertThat(d.getList("reasons.text")).containsExactly("email is on the blocklist");
    }

    @Test
    void invalidPaymentsAreRefusedNamingTheField() {
        assertThat(invalid("not json at all").getString("title")).isEqualTo("Invalid request");
        assertThat(invalid("[1, 2]").getString("detail")).contains("JSON object");
        assertThat(invalid("{\"paymentId\": \"p-inf\", \"amount\": 1e400, \"currency\": \"GBP\", "
                + "\"occurredAt\": \"2026-01-01T00:00:00Z\"}").getString("field")).isEqualTo("amount");
        record Case(String field, Object value, String detail) {
        }
        for (Case c : List.of(new Case("amount", 0, "greater than 0"), new Case("amount", -5, "greater than 0"),
                new Case("amount", "12.345", "more than 2 decimals"), new Case("amount", "1e-999999999", "more than 2 decimals"),
                new Case("amount", "9e999999999", "beyond 1,000,000,000"), new Case("amount", "lots", "not a number"),
                new Case("amount", null, "required"), new Case("currency", "USD", "differs from the shop's currency GBP"),
                new Case("currency", "EURO", "3-letter"), new Case("cardCountry", "XX", "ISO 3166"),
                new Case("ipCountry", "France", "ISO 3166"), new Case("occurredAt", "2026-03-01T10:00:00", "with offset"),
                new Case("occurredAt", "2999-01-01T00:00:00Z", "in the future"), new Case("paymentId", null, "required"),
                new Case("paymentId", "x".repeat(201), "longer than 200"), new Case("email", "not-an-email", "e-mail"),
                new Case("colour", "red", "unknown field"))) {
            Map<String, Object> payment = aPayment("C-invalid");
            payment.put(c.field, c.value);
            JsonPath problem = invalid(payment);
            assertThat(problem.getString("field")).as(c.toString()).isEqualTo(c.field);
            assertThat(problem.getString("detail")).as(c.toString()).contains(c.detail);
        }
        Map<String, Object> lowerCase = aPayment("C-valid");
        lowerCase.put("currency", "gbp");
        assertThat(decide(lowerCase).getString("decision")).isEqualTo("allow");
    }

    private JsonPath invalid(Object body) {
        Response r = FraudApi.withToken(token).body(body).post("/api/payments/check");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.jsonPath();
    }

    @Test
    void onlyATokenWithThePaymentsScopeMayCheck() {
        assertThat(RestAssured.given().contentType("application/json").body(aPayment("C1")).post("/api/payments/check")
                .statusCode()).isEqualTo(401);
        assertThat(check("phr_not-a-real-token", aPayment("C1")).statusCode()).isEqualTo(401);
        assertThat(shop.asAdmin().body(aPayment("C1")).post("/api/payments/check").statusCode()).isEqualTo(401);
        String eventsOnly = aToken(shop, Scope.EVENTS_WRITE);
        Response forbidden = check(eventsOnly, aPayment("C1"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        String id = shop.asAdmin().get("/api/tokens").then().extract().jsonPath().getString("find { it.scopes == ['payments:check'] }.id");
        shop.asAdmin().delete("/api/tokens/" + id).then().statusCode(200);
        assertThat(check(token, aPayment("C1")).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherShopsPaymentsNeitherCountNorShow() {
        Api.TestTenant other = Api.aTenant();
        String otherToken = aToken(other, Scope.PAYMENTS_CHECK);
        other.asAdmin().body(Map.of("maxPaymentsPerCustomer", 1, "blocklist", Map.of("customerIds", List.of("C-shared"))))
                .put("/api/fraud/rules").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            assertThat(check(otherToken, aPayment("C-shared")).then().statusCode(200).extract().path("decision").toString())
                    .isEqualTo("block");
        }
        // same customer id in this shop: none of the other shop's payments or rules apply
        assertThat(decide(aPayment("C-shared")).getString("decision")).isEqualTo("allow");
        assertThat(shop.asAdmin().get("/api/fraud/rules").then().extract().jsonPath().getInt("maxPaymentsPerCustomer")).isEqualTo(3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                other.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath().getList("id").size() == 4);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                shop.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath().getList("id").size() == 1);
        List<Integer> theirs = other.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath().getList("id");
        String mine = shop.asAdmin().get("/api/fraud/decisions").then().extract().asString();
        for (int id : theirs) {
            assertThat(mine).doesNotContain("\"id\":" + id + ",");
            assertThat(shop.asAdmin().post("/api/fraud/decisions/" + id + "/false-positive").statusCode()).isEqualTo(404);
        }
        assertThat(other.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath().getList("falsePositive"))
                .containsOnly(false);
    }
}
