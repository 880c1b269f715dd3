package app.phare.live;

import app.phare.testing.Api;
import app.phare.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.phare.testing.Events.aPurchaseEvent;
import static app.phare.testing.Events.aToken;
import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 3: a day of events, then that day's orders through the nightly run: the batch replaces live, drift recorded. */
@QuarkusTest
class ReconciliationTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Test
    void theNightlyRunReplacesALiveDayAndRecordsThePlantedDrift() {
        Api.TestTenant t = Api.aTenant();
        String token = aToken(t, "events:write");
        LocalDate day = LocalDate.now(ZONE).minusDays(3);
        StringBuilder csv = new StringBuilder(Api.PLAIN_HEADER);
        List<Map<String, Object>> events = new ArrayList<>();
        BigDecimal batchRevenue = BigDecimal.ZERO;
        BigDecimal liveRevenue = BigDecimal.ZERO;
        for (int i = 1; i <= 10; i++) {
            BigDecimal price = new BigDecimal(10 * i + ".50");
            csv.append("o").append(i).append(',').append(day).append(" 1").append(i % 10).append(":00:00,SKU-").append(i)
                    .append(",Thing ").append(i).append(",1,").append(price).append(",C").append(i).append(",United Kingdom,web\n");
            batchRevenue = batchRevenue.add(price);
            if (i == 10) {
                continue; // planted: the shop never sent this purchase
            }
            BigDecimal paid = i == 1 ? price.add(new BigDecimal("5.00")) : price; // planted: one amount differs by 5.00
            events.add(aPurchaseEvent("p" + i, "s" + i, "o" + i, day.atTime(10 + i % 10, 0).atZone(ZONE).toInstant(),
                    paid.toPlainString()));
            liveRevenue = liveRevenue.add(paid);
        }
        Events.post(token, events);
        JsonPath before = figures(t, day);
        assertThat(before.getString("source")).isEqualTo("live");
        assertThat(before.<BigDecimal>get("revenue")).isEqualByComparingTo(liveRevenue);
        assertThat(before.getLong("orders")).isEqualTo(9);

        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, csv.toString().getBytes(StandardCharsets.UTF_8));
        long runId = Api.runNightly(t);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> figures(t, day).getString("source").equals("batch"));
        JsonPath after = figures(t, day);
        assertThat(after.<BigDecimal>get("revenue")).isEqualByComparingTo(batchRevenue);
        assertThat(after.getLong("orders")).isEqualTo(10);
        assertThat(after.getLong("reconciliation.runId")).isEqualTo(runId);
        assertThat(after.getLong("reconciliation.ordersDrift")).isEqualTo(-1);
        BigDecimal planted = new BigDecimal("5.00").subtract(new BigDecimal("100.50"));
        assertThat(after.<BigDecimal>get("reconciliation.revenueDrift")).isEqualByComparingTo(planted);
        assertThat(after.<BigDecimal>get("reconciliation.ordersDriftPct").doubleValue()).isEqualTo(-10.0);
        assertThat(after.<BigDecimal>get("reconciliation.revenueDriftPct").doubleValue())
                .isCloseTo(planted.doubleValue() * 100 / batchRevenue.doubleValue(), org.assertj.core.data.Offset.offset(1e-4));

        JsonPath listed = Events.exact(t.asAdmin().get("/api/live/reconciliations").then().statusCode(200).extract().asString());
        assertThat(listed.<String>get("[0].day")).isEqualTo(day.toString());
        // over the 2 % threshold: the admin is told, the manager is not
        assertThat(t.asAdmin().get("/api/notifications").then().extract().jsonPath().getList("notifications.kind"))
                .contains("drift");
        assertThat(t.asManager().get("/api/notifications").then().extract().jsonPath().getList("notifications.kind"))
                .doesNotContain("drift");
    }

    @Test
    void aDayWithoutLiveEventsIsNotReconciledAndAnotherTenantSeesNothing() {
        Api.TestTenant t = Api.aTenant();
        LocalDate day = LocalDate.now(ZONE).minusDays(2);
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, app.phare.testing.TestOrders.csv(day, 1));
        Api.runNightly(t);
        assertThat(t.asAdmin().get("/api/live/reconciliations").then().statusCode(200).extract().jsonPath().getList("$"))
                .isEmpty();
        assertThat(figures(t, day).getString("source")).isEqualTo("live");
        assertThat(Api.aTenant().asAdmin().get("/api/live/reconciliations").then().extract().jsonPath().getList("$")).isEmpty();
    }

    private static JsonPath figures(Api.TestTenant t, LocalDate day) {
        return Events.exact(t.asManager().get("/api/live/days/" + day).then().statusCode(200).extract().asString());
    }
}
