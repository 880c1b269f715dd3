package app.phare.fraud;

import app.phare.testing.Api;
import app.phare.token.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.phare.fraud.FraudApi.aPayment;
import static app.phare.fraud.FraudApi.aToken;
import static app.phare.fraud.FraudApi.check;
import static org.assertj.core.api.Assertions.assertThat;

/** GET/PUT /api/fraud/rules: defaults, partial changes that apply at once, clear refusals, admins only. */
@QuarkusTest
class FraudRulesTest {

    private Api.TestTenant shop;

    @BeforeEach
    void aShop() {
        shop = Api.aTenant();
    }

    @Test
    void aNewShopHasTheDefaultRules() {
        JsonPath r = shop.asManager().get("/api/fraud/rules").then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("windowMinutes")).isEqualTo(10);
        assertThat(r.getInt("maxPaymentsPerCustomer")).isEqualTo(3);
        assertThat(r.getInt("reviewAt")).isEqualTo(40);
        assertThat(r.getInt("blockAt")).isEqualTo(80);
        assertThat(r.getInt("weights.velocity")).isEqualTo(40);
        assertThat(r.getList("blocklist.emails")).isEmpty();
        assertThat(r.getDouble("firstPurchaseLimit")).isEqualTo(500.0);
    }

    @Test
    void aChangeKeepsTheFieldsLeftOutAndAppliesToTheNextCheck() {
        JsonPath changed = shop.asAdmin().body(Map.of("maxPaymentsPerCustomer", 1, "weights", Map.of("velocity", 90),
                        "blocklist", Map.of("countries", List.of("ng", "KP"))))
                .put("/api/fraud/rules").then().statusCode(200).extract().jsonPath();
        assertThat(changed.getInt("maxPaymentsPerCustomer")).isEqualTo(1);
        assertThat(changed.getInt("weights.velocity")).isEqualTo(90);
        assertThat(changed.getInt("weights.amount")).isEqualTo(40);
        assertThat(changed.getInt("windowMinutes")).isEqualTo(10);
        assertThat(changed.getList("blocklist.countries")).containsExactly("KP", "NG");
        assertThat(shop.asManager().get("/api/fraud/rules").then().extract().jsonPath().getInt("maxPaymentsPerCustomer")).isEqualTo(1);

        String token = aToken(shop, Scope.PAYMENTS_CHECK);
        assertThat(check(token, aPayment("C-rules")).then().extract().path("decision").toString()).isEqualTo("allow");
        JsonPath second = check(token, aPayment("C-rules")).then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("decision")).isEqualTo("block");
        assertThat(second.getList("reasons.text")).containsExactly("2 payments by this customer in 10 minutes (limit 1)");
        Map<String, Object> fromNigeria = aPayment("C-elsewhere");
        fromNigeria.put("ipCountry", "NG");
        assertThat(check(token, fromNigeria).then().extract().jsonPath().getList("reasons.text"))
                .contains("IP country NG is on the blocklist");

        shop.asAdmin().body(Map.of("firstPurchaseLimit", "off")).put("/api/fraud/rules").then().statusCode(400);
        shop.asAdmin().body("{\"firstPurchaseLimit\": null}").put("/api/fraud/rules").then().statusCode(200);
        Map<String, Object> big = aPayment("C-big");
        big.put("amount", 5000);
        assertThat(check(token, big).then().extract().jsonPath().getList("reasons")).isEmpty();
    }

    @Test
    void invalidRulesAreRefusedNamingTheFieldAndChangeNothing() {
        record Case(String body, String field, String detail) {
        }
        for (Case c : List.of(new Case("{\"windowMinutes\": 0}", "windowMinutes", "from 1 to 1440"),
                new Case("{\"windowMinutes\": 2.5}", "windowMinutes", "whole number"),
                new Case("{\"windowMinutes\": \"ten\"}", "windowMinutes", "whole number"),
                new Case("{\"reviewAt\": 90}", "blockAt", "must not be below reviewAt"),
                new Case("{\"amountFactor\": 1}", "amountFactor", "above 1"),
                new Case("{\"amountFactor\": 1e400}", "amountFactor", "above 1"),
                new Case("{\"weights\": {\"velocity\": 101}}", "weights.velocity", "from 0 to 100"),
                new Case("{\"weights\": {\"speed\": 10}}", "weights.speed", "unknown rule"),
                new Case("{\"weights\": 5}", "weights", "must be an object"),
                new Case("{\"maxRefunds\": 2}", "maxRefunds", "unknown rule"),
                new Case("{\"blocklist\": {\"countries\": [\"XX\"]}}", "blocklist.countries", "ISO 3166"),
                new Case("{\"blocklist\": {\"emails\": [\"nobody\"]}}", "blocklist.emails", "not an e-mail"),
                new Case("{\"blocklist\": {\"emails\": \"a@b.c\"}}", "blocklist.emails", "array of strings"),
                new Case("{\"firstPurchaseLimit\": 10.001}", "firstPurchaseLimit", "2 decimals"))) {
            Response r = shop.asAdmin().body(c.body).put("/api/fraud/rules");
            assertThat(r.statusCode()).as(c.body).isEqualTo(400);
            assertThat(r.jsonPath().getString("field")).as(c.body).isEqualTo(c.field);
            assertThat(r.jsonPath().getString("detail")).as(c.body).contains(c.detail);
        }
        Response notJson = shop.asAdmin().contentType("text/plain").body("window=5").put("/api/fraud/rules");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.jsonPath().getString("detail")).contains("not JSON");
        assertThat(shop.asAdmin().body("[]").put("/api/fraud/rules").statusCode()).isEqualTo(400);
        JsonPath unchanged = shop.asAdmin().get("/api/fraud/rules").then().extract().jsonPath();
        assertThat(unchanged.getInt("windowMinutes")).isEqualTo(10);
        assertThat(unchanged.getInt("reviewAt")).isEqualTo(40);
    }

    @Test
    void aManagerCanReadTheRulesButNotChangeThem() {
        assertThat(shop.asManager().body(Map.of("windowMinutes", 30)).put("/api/fraud/rules").statusCode()).isEqualTo(403);
        assertThat(shop.asManager().get("/api/fraud/rules").then().statusCode(200).extract().jsonPath().getInt("windowMinutes"))
                .isEqualTo(10);
        assertThat(io.restassured.RestAssured.given().get("/api/fraud/rules").statusCode()).isEqualTo(401);
    }
}
