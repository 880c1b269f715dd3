package app.phare.insight;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insights after a nightly run on a generated shop: the planted Dutch dip is found and explained, forecasts carry
 * their backtest, stock advice follows the demand, nightly alert rules fire once per period; bad input is refused.
 */
@QuarkusTest
class InsightsApiTest {

    /** One shop for the class: loading it is the slow part. */
    static Api.TestTenant t;
    static long changeRule;

    @BeforeEach
    void aShopWithRulesAndOneNight() {
        if (t != null) {
            return;
        }
        t = Api.aTenant("Europe/Amsterdam", "EUR", "en-IE");
        changeRule = t.asAdmin().body(Map.of("name", "Orders fall day on day", "kpi", "orders", "period", "day",
                        "condition", "change_previous", "threshold", 25, "minVolume", 20, "recipients", List.of(t.admin())))
                .post("/api/alerts/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        t.asAdmin().body(Map.of("kpi", "net_revenue", "condition", "anomaly", "recipients", List.of(t.admin(), t.manager()),
                "email", false)).post("/api/alerts/rules").then().statusCode(201);
        t.asAdmin().body(Map.of("kpi", "orders", "period", "week", "condition", "above", "threshold", 1_000_000,
                "recipients", List.of(t.admin()))).post("/api/alerts/rules").then().statusCode(201);
        InsightShop.load(t);
    }

    @Test
    void thePlantedDutchDipIsFoundAndExplainedByItsCountry() {
        JsonPath a = t.asManager().get("/api/insights/anomalies?kpi=orders&from=" + InsightShop.LAST_DAY + "&to=" + InsightShop.LAST_DAY)
                .then().statusCode(200).extract().jsonPath();
        assertThat(a.getList("$")).hasSize(1);
        assertThat(a.getDouble("[0].change")).isLessThan(-0.25);
        assertThat(a.getDouble("[0].actual")).isLessThan(a.getDouble("[0].expected"));
        assertThat(a.getString("[0].explanation")).startsWith("Orders −").contains("vs a usual Thursday")
                .contains("of the drop is Netherlands (country, usually 4");
        List<String> days = t.asManager().get("/api/insights/anomalies?kpi=orders").then().extract().jsonPath().getList("day");
        assertThat(days).as("no other day of the steady shop is unusual").containsExactly(InsightShop.LAST_DAY.toString());
    }

    @Test
    void forecastsCoverNinetyDaysAndShowBothBacktestErrors() {
        JsonPath f = t.asManager().get("/api/insights/forecasts").then().statusCode(200).extract().jsonPath();
        assertThat(f.getList("kpi")).containsExactly("net_revenue", "orders");
        for (int i = 0; i < 2; i++) {
            assertThat(f.getString("[" + i + "].start")).isEqualTo(InsightShop.LAST_DAY.plusDays(1).toString());
            assertThat(f.getList("[" + i + "].mean")).hasSize(90);
            double method = f.getDouble("[" + i + "].methodSmape"), naive = f.getDouble("[" + i + "].naiveSmape");
            assertThat(f.getInt("[" + i + "].backtestDays")).isEqualTo(56);
            assertThat(f.getBoolean("[" + i + "].methodChosen")).isEqualTo(method < naive);
            List<Float> mean = f.getList("[" + i + "].mean"), lower = f.getList("[" + i + "].lower"), upper = f.getList("[" + i + "].upper");
            for (int d = 0; d < 90; d++) {
                assertThat(lower.get(d)).isLessThanOrEqualTo(mean.get(d));
                assertThat(upper.get(d)).isGreaterThanOrEqualTo(mean.get(d));
            }
        }
        // about 60 orders a weekday: the forecast of a month is in that range
        List<Float> orders = f.getList("[1].mean");
        double month = orders.subList(0, 30).stream().mapToDouble(Float::doubleValue).sum();
        assertThat(month).isBetween(30 * 40.0, 30 * 75.0);
    }

    @Test
    void stockAdviceReordersWhatRunsOutAndPricesTheOverstock() {
        JsonPath s = t.asManager().get("/api/insights/stock").then().statusCode(200).extract().jsonPath();
        assertThat(s.getList("reorder.sku")).contains("MUG-01").doesNotContain("CUP-01", "MUG-02");
        Map<String, Object> mug = s.getMap("reorder.find { it.sku == 'MUG-01' }");
        assertThat(mug.get("urgent")).isEqualTo(true);
        double daily = Double.parseDouble(mug.get("dailyDemand").toString());
        assertThat(daily).isBetween(12.0, 30.0);
        long quantity = ((Number) mug.get("quantity")).longValue();
        assertThat(quantity).as("covers lead time 14 + 30 days").isBetween((long) (daily * 44 - 5), (long) (daily * 44 + 5));
        assertThat(s.getList("overstock.sku")).contains("CUP-01");
        Map<String, Object> cup = s.getMap("overstock.find { it.sku == 'CUP-01' }");
        double cupCost = ((Number) cup.get("excessUnits")).longValue() * 2.25;
        assertThat(Double.parseDouble(cup.get("capital").toString())).isCloseTo(cupCost, org.assertj.core.data.Offset.offset(0.01));

        t.asAdmin().body(Map.of("leadTimeDays", 2, "coverDays", 7)).put("/api/insights/stock/settings").then().statusCode(200);
        JsonPath shorter = t.asManager().get("/api/insights/stock").then().extract().jsonPath();
        assertThat(shorter.getLong("reorder.find { it.sku == 'MUG-01' }.quantity")).isLessThan(quantity);
        t.asAdmin().body(Map.of("leadTimeDays", 14, "coverDays", 30)).put("/api/insights/stock/settings").then().statusCode(200);
        t.asAdmin().body(Map.of("leadTimeDays", -1)).put("/api/insights/stock/settings").then().statusCode(400);
    }

    @Test
    void nightlyRulesFireOncePerPeriodWithTheExplanation() {
        JsonPath fired = t.asAdmin().get("/api/alerts/fired").then().statusCode(200).extract().jsonPath();
        assertThat(fired.getList("ruleName")).containsExactlyInAnyOrder("Orders fall day on day", "Net revenue anomaly");
        Map<String, Object> change = fired.getMap("find { it.ruleId == " + changeRule + " }");
        assertThat(change.get("period")).isEqualTo("day:" + InsightShop.LAST_DAY);
        assertThat((String) change.get("message")).contains("vs the same weekday a week before");
        assertThat((String) change.get("explanation")).contains("Netherlands (country");
        assertThat(t.asManager().get("/api/notifications").then().extract().jsonPath().getList("notifications.kind")).contains("alert");

        // a second night with nothing new: the same periods, no second alert
        Api.runNightly(t);
        Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() ->
                t.asAdmin().get("/api/alerts/fired").then().extract().jsonPath().getList("$").size() == 2);
    }

    @Test
    void badRulesAndQueriesAreRefusedWithTheField() {
        assertThat(t.asAdmin().body(Map.of("kpi", "happiness", "condition", "above", "threshold", 1)).post("/api/alerts/rules")
                .then().statusCode(400).extract().jsonPath().getString("field")).isEqualTo("kpi");
        assertThat(t.asAdmin().body(Map.of("kpi", "orders", "condition", "above")).post("/api/alerts/rules")
                .then().statusCode(400).extract().jsonPath().getString("field")).isEqualTo("threshold");
        assertThat(t.asAdmin().body(Map.of("kpi", "orders", "condition", "below_usual", "threshold", 50)).post("/api/alerts/rules")
                .then().statusCode(400).extract().jsonPath().getString("field")).isEqualTo("condition");
        assertThat(t.asAdmin().body(Map.of("kpi", "orders", "period", "week", "condition", "anomaly")).post("/api/alerts/rules")
                .then().statusCode(400).extract().jsonPath().getString("field")).isEqualTo("period");
        Api.TestTenant other = Api.aTenant();
        assertThat(t.asAdmin().body(Map.of("kpi", "orders", "condition", "above", "threshold", 5, "recipients", List.of(other.admin())))
                .post("/api/alerts/rules").then().statusCode(400).extract().jsonPath().getString("field")).isEqualTo("recipients");
        assertThat(t.asAdmin().body(Map.of("kpi", "orders", "condition", "above", "threshold", 5, "inApp", false, "email", false))
                .post("/api/alerts/rules").then().statusCode(400).extract().jsonPath().getString("field")).isEqualTo("inApp");
        t.asAdmin().body("[1,2]").post("/api/alerts/rules").then().statusCode(400);
        t.asAdmin().get("/api/insights/anomalies?from=yesterday").then().statusCode(400);
        t.asAdmin().get("/api/insights/anomalies?kpi=live_orders_hour").then().statusCode(400);
        t.asAdmin().get("/api/alerts/rules/999999999").then().statusCode(404);
        assertThat(other.asAdmin().get("/api/alerts/rules/" + changeRule).then().extract().statusCode()).isEqualTo(404);
        assertThat(other.asAdmin().get("/api/insights/anomalies").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(other.asAdmin().get("/api/alerts/fired").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }
}
