package app.phare.dashboard;

import app.phare.common.Display;
import app.phare.testing.Api;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Gross margin on the sales dashboard: net revenue less the cost of the units sold, on the products with a cost. */
@QuarkusTest
class GrossMarginTest {

    @Test
    void theDashboardShowsTheGrossMarginOfTheProductsWithACost() {
        Api.TestTenant t = Api.aTenant("Europe/London", "GBP", "en-GB");
        long orders = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, orders, TestOrders.csv(LocalDate.of(2025, 3, 1), 31));
        long products = Api.aSource(t, "products", Map.of("sku", "sku", "unitCost", "cost"), null, null);
        Api.upload(t, products, "sku,cost\nMUG-1,2.00\nTEA-2,3.10\n".getBytes());
        Api.runNightly(t);

        BigDecimal expected = BigDecimal.ZERO;
        Map<String, BigDecimal> costs = Map.of("MUG-1", new BigDecimal("2.00"), "TEA-2", new BigDecimal("3.10"));
        List<Map<String, Object>> rows = t.asManager().get("/api/metrics/sales?from=2025-03-01&to=2025-03-31&grain=month&by=product")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        for (Map<String, Object> r : rows) {
            BigDecimal cost = costs.get((String) r.get("key"));
            if (cost != null) {
                expected = expected.add(new BigDecimal(r.get("netRevenue").toString()))
                        .subtract(new BigDecimal(r.get("units").toString()).multiply(cost));
            }
        }
        assertThat(expected.signum()).isPositive();
        var session = app.phare.tenant.TenantIsolationTestAccess.login(t.manager(), t.password());
        String page = RestAssured.given().cookies(session).get("/?range=custom&from=2025-03-01&to=2025-03-31").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("Gross margin").contains(Display.money(expected, "GBP", Locale.UK))
                .contains("on products with a known unit cost");
        // without costs there is no margin tile
        Api.TestTenant other = Api.aTenant();
        Api.upload(other, Api.anOrdersSource(other, Api.plainMapping(), null), TestOrders.csv(LocalDate.of(2025, 3, 1), 3));
        Api.runNightly(other);
        var otherSession = app.phare.tenant.TenantIsolationTestAccess.login(other.manager(), other.password());
        assertThat(RestAssured.given().cookies(otherSession).get("/?preset=all").then().extract().asString()).doesNotContain("Gross margin");
    }
}
