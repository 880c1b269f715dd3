package app.phare.fraud;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.token.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static app.phare.fraud.FraudApi.aPayment;
import static app.phare.fraud.FraudApi.aToken;
import static app.phare.fraud.FraudApi.check;
import static org.assertj.core.api.Assertions.assertThat;

/** Every decision is stored and listed with its reasons; admins mark false positives; memory comes back at start. */
@QuarkusTest
class FraudDecisionsTest {

    @Inject
    FraudRebuild rebuild;

    private Api.TestTenant shop;
    private String token;

    @BeforeEach
    void aShopWithAPaymentsToken() {
        shop = Api.aTenant();
        token = aToken(shop, Scope.PAYMENTS_CHECK);
    }

    private List<Map<String, Object>> awaitDecisions(int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> shop.asManager().get("/api/fraud/decisions").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("$"), l -> l.size() == count);
    }

    @Test
    void everyDecisionIsStoredWithItsReasonsNewestFirst() {
        Map<String, Object> ordinary = aPayment("C-list");
        check(token, ordinary).then().statusCode(200);
        Map<String, Object> abroad = aPayment("C-list");
        abroad.put("ipCountry", "NG");
        abroad.put("billingCountry", "FR");
        abroad.put("amount", "75.5");
        check(token, abroad).then().statusCode(200);

        List<Map<String, Object>> listed = awaitDecisions(2);
        JsonPath newest = shop.asManager().get("/api/fraud/decisions?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(newest.getList("$")).hasSize(1);
        assertThat(newest.getString("[0].paymentId")).isEqualTo(abroad.get("paymentId"));
        assertThat(newest.getString("[0].decision")).isEqualTo("review");
        assertThat(newest.getInt("[0].score")).isEqualTo(40);
        assertThat(newest.getList("[0].reasons.text")).containsExactly("card country GB differs from IP country NG",
                "billing country FR differs from card country GB");
        assertThat(newest.getDouble("[0].amount")).isEqualTo(75.5);
        assertThat(newest.getString("[0].currency")).isEqualTo("GBP");
        assertThat(newest.getString("[0].customerId")).isEqualTo("C-list");
        assertThat(newest.getString("[0].email")).isEqualTo("c-list@example.com");
        assertThat(newest.getInt("[0].micros")).isGreaterThanOrEqualTo(0);
        assertThat(newest.getBoolean("[0].falsePositive")).isFalse();
        assertThat(listed.get(1).get("paymentId")).isEqualTo(ordinary.get("paymentId"));
        assertThat(listed.get(1).get("decision")).isEqualTo("allow");

        assertThat(shop.asManager().get("/api/fraud/decisions?decision=review").then().extract().jsonPath().getList("paymentId"))
                .containsExactly(abroad.get("paymentId"));
        assertThat(shop.asManager().get("/api/fraud/decisions?decision=block").then().extract().jsonPath().getList("$")).isEmpty();
        assertThat(shop.asManager().get("/api/fraud/decisions?decision=maybe").then().statusCode(400).extract().path("field")
                .toString()).isEqualTo("decision");
        assertThat(shop.asManager().get("/api/fraud/decisions?limit=0").then().statusCode(400).extract().path("field")
                .toString()).isEqualTo("limit");
    }

    @Test
    void anAdminMarksAReviewedPaymentAsAFalsePositive() {
        Map<String, Object> abroad = aPayment("C-fp");
        abroad.put("ipCountry", "NG");
        abroad.put("billingCountry", "FR");
        check(token, abroad).then().statusCode(200);
        check(token, aPayment("C-fp-ok")).then().statusCode(200);
        List<Map<String, Object>> listed = awaitDecisions(2);
        int reviewed = (Integer) listed.get(1).get("id");
        int allowed = (Integer) listed.get(0).get("id");

        assertThat(shop.asManager().post("/api/fraud/decisions/" + reviewed + "/false-positive").statusCode()).isEqualTo(403);
        JsonPath marked = shop.asAdmin().post("/api/fraud/decisions/" + reviewed + "/false-positive").then().statusCode(200)
                .extract().jsonPath();
        assertThat(marked.getBoolean("falsePositive")).isTrue();
        assertThat(marked.getString("markedBy")).isEqualTo(shop.admin());
        assertThat(marked.getString("markedAt")).isNotBlank();
        // marking again keeps the first mark
        assertThat(shop.asAdmin().post("/api/fraud/decisions/" + reviewed + "/false-positive").then().statusCode(200)
                .extract().path("markedAt").toString()).isEqualTo(marked.getString("markedAt"));
        assertThat(shop.asAdmin().post("/api/fraud/decisions/" + allowed + "/false-positive").then().statusCode(409)
                .extract().path("detail").toString()).contains("allowed the payment");
        assertThat(shop.asAdmin().post("/api/fraud/decisions/999999999/false-positive").statusCode()).isEqualTo(404);
        assertThat(shop.asManager().get("/api/fraud/decisions?decision=review").then().extract().jsonPath()
                .getList("falsePositive")).containsExactly(true);
    }

    @Test
    void afterARestartThePaymentsOfTheWindowStillCount() throws Exception {
        // three checks stored by an earlier run of Phare, two minutes ago
        try (Connection c = Database.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO payment_check (tenant_id, payment_id, customer_id, amount, currency, occurred_at, checked_at,
                    decision, score, reasons, micros)
                VALUES (?, ?, 'C-before', 20, 'GBP', now() - interval '2 minutes', now() - interval '2 minutes',
                    'allow', 0, '[]', 100)""")) {
            for (int i = 0; i < 3; i++) {
                ps.setLong(1, shop.id());
                ps.setString(2, "earlier-" + i);
                ps.executeUpdate();
            }
        }
        rebuild.onStart(null);
        JsonPath d = check(token, aPayment("C-before")).then().statusCode(200).extract().jsonPath();
        assertThat(d.getList("reasons.text")).containsExactly("4 payments by this customer in 10 minutes (limit 3)");
    }

    @Test
    void usersOfTheShopMustLogInToSeeDecisions() {
        assertThat(io.restassured.RestAssured.given().get("/api/fraud/decisions").statusCode()).isEqualTo(401);
        assertThat(FraudApi.withToken(token).get("/api/fraud/decisions").statusCode()).isEqualTo(401);
    }
}
