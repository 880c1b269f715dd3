package app.phare.dashboard;

import app.phare.live.LiveMessage;
import app.phare.live.LiveStream;
import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales API answers repeated questions from memory, and never an answer older than the tenant's last run: a run's
 * end here is seen at once, one on another instance as soon as its message arrives; tenants never share an answer.
 */
@QuarkusTest
class SalesCacheTest {

    static final String MARCH = "/api/metrics/sales?from=2024-03-01&to=2024-03-31&grain=month";

    @Inject
    LiveStream stream;

    @Test
    void repeatedQuestionsAreAnsweredFromMemoryUntilTheFiguresChange() throws Exception {
        Api.TestTenant shop = Api.aTenant();
        long source = Api.anOrdersSource(shop, Api.plainMapping(), null);
        Api.upload(shop, source, TestOrders.csv(LocalDate.of(2024, 3, 1), 10));
        Api.runNightly(shop);
        int orders = TestOrders.ordersIn(10);
        assertThat(marchOrders(shop)).isEqualTo(orders);
        double hitsBefore = hits();
        assertThat(marchOrders(shop)).isEqualTo(orders);
        assertThat(hits()).as("the second call is a hit").isGreaterThan(hitsBefore);

        // the same question from another tenant gets that tenant's (empty) answer
        Api.TestTenant other = Api.aTenant();
        assertThat(other.asManager().get(MARCH).then().statusCode(200).extract().jsonPath().getList("rows")).isEmpty();

        // a new order and a run on this instance: the very next call has it
        Api.upload(shop, source, (Api.PLAIN_HEADER + "N1,2024-03-05 10:00:00,MUG-1,Blue mug,2,4.50,C1,France,web\n")
                .getBytes(StandardCharsets.UTF_8));
        Api.runNightly(shop);
        assertThat(marchOrders(shop)).isEqualTo(orders + 1);

        // figures changed by another instance's run: the cached answer stays until that instance's message arrives
        try (Connection c = Database.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE sales_month SET orders = orders + 100 WHERE tenant_id = ? AND month = '2024-03-01' "
                        + "AND country = '*' AND channel = '*'")) {
            ps.setLong(1, shop.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(marchOrders(shop)).as("still the cached answer").isEqualTo(orders + 1);
        stream.publish(LiveMessage.figuresChanged(shop.id()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> marchOrders(shop) == orders + 101);
        assertThat(other.asManager().get(MARCH).then().statusCode(200).extract().jsonPath().getList("rows")).isEmpty();
    }

    private static long marchOrders(Api.TestTenant t) {
        List<Integer> orders = t.asManager().get(MARCH).then().statusCode(200).extract().jsonPath().getList("rows.orders");
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    private static double hits() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("phare_cache_requests_total") && l.contains("cache=\"sales\"")
                && l.contains("result=\"hit\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
