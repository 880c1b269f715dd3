package app.phare.alert;

import app.phare.testing.Api;
import app.phare.testing.Events;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 4 of the insights: a rule "orders in the last hour below 50 % of the usual" fires once for a planted
 * live dip, not again within its cooldown, and tells its recipient in the app and by (mock) e-mail; a normal hour
 * fires nothing.
 */
@QuarkusTest
class LiveAlertTest {

    @Inject
    LiveAlerts liveAlerts;

    @Inject
    MockMailbox mailbox;

    @Test
    void ordersBelowHalfTheUsualHourFireOnceWithinTheCooldownAndTellInAppAndByEmail() {
        Api.TestTenant t = Api.aTenant();
        String token = Events.aToken(t, "events:write");
        Instant dip = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Instant normal = dip.minus(3, ChronoUnit.HOURS);
        List<Map<String, Object>> events = new ArrayList<>();
        // the same two hours on the 8 previous weeks: 10 orders each
        for (int week = 1; week <= 8; week++) {
            for (Instant end : List.of(normal, dip)) {
                purchases(events, "w" + week + "-" + end.getEpochSecond(), end.minus(7L * week, ChronoUnit.DAYS), 10);
            }
        }
        purchases(events, "now-normal", normal, 10);
        purchases(events, "now-dip", dip, 2);
        for (int i = 0; i < events.size(); i += 500) {
            assertThat(Events.post(token, events.subList(i, Math.min(events.size(), i + 500))).getInt("rejected.size()")).isZero();
        }
        long ruleId = t.asAdmin().body(Map.of("name", "Orders dip this hour", "kpi", "live_orders_hour",
                        "condition", "below_usual", "threshold", 50, "minVolume", 5, "cooldownMinutes", 60,
                        "recipients", List.of(t.manager()), "inApp", true, "email", true))
                .post("/api/alerts/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        mailbox.clear();

        assertThat(liveAlerts.evaluate(t.id(), normal)).as("a usual hour (10 orders vs 10)").isEmpty();
        List<Long> fired = liveAlerts.evaluate(t.id(), dip);
        assertThat(fired).as("2 orders vs the usual 10").hasSize(1);
        assertThat(liveAlerts.evaluate(t.id(), dip.plusSeconds(60))).as("a minute later, the dip goes on: cooldown").isEmpty();
        assertThat(liveAlerts.evaluate(t.id(), dip.plusSeconds(50 * 60))).as("within the 60-minute cooldown").isEmpty();

        JsonPath history = t.asManager().get("/api/alerts/fired?rule=" + ruleId).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("$")).hasSize(1);
        assertThat(history.getString("[0].message")).contains("Orders in the last hour").contains("were 2")
                .contains("20 % of the usual 10");
        assertThat(history.getDouble("[0].value")).isEqualTo(2.0);
        assertThat(history.getDouble("[0].reference")).isEqualTo(10.0);
        assertThat(history.getInt("[0].notified")).isEqualTo(1);

        JsonPath inApp = t.asManager().get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(inApp.getList("notifications.kind")).containsExactly("alert");
        assertThat(inApp.getString("notifications[0].title")).isEqualTo("Alert: Orders dip this hour");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(t.manager()).isEmpty());
        assertThat(mailbox.getMailsSentTo(t.manager())).hasSize(1);
        assertThat(mailbox.getMailsSentTo(t.manager()).get(0).getText()).contains("20 % of the usual 10")
                .contains("/alerts#fired-" + fired.get(0));
        assertThat(mailbox.getMailsSentTo(t.admin())).as("only the rule's recipients").isEmpty();
        assertThat(t.asAdmin().get("/api/alerts/rules/" + ruleId).then().extract().jsonPath().getString("lastFiredAt")).isNotNull();
    }

    @Test
    void aMutedRuleAndAnInAppOnlyRuleSendNoEmail() {
        Api.TestTenant t = Api.aTenant();
        String token = Events.aToken(t, "events:write");
        Instant dip = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int week = 1; week <= 4; week++) {
            purchases(events, "w" + week, dip.minus(7L * week, ChronoUnit.DAYS), 8);
        }
        Events.post(token, events);
        long muted = t.asAdmin().body(Map.of("kpi", "live_orders_hour", "condition", "below_usual", "threshold", 50,
                "recipients", List.of(t.admin()), "muted", true)).post("/api/alerts/rules").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        t.asAdmin().body(Map.of("kpi", "live_revenue_hour", "condition", "below_usual", "threshold", 50,
                "recipients", List.of(t.admin()), "email", false)).post("/api/alerts/rules").then().statusCode(201);
        mailbox.clear();

        List<Long> fired = liveAlerts.evaluate(t.id(), dip);
        assertThat(fired).as("only the unmuted revenue rule").hasSize(1);
        assertThat(t.asAdmin().get("/api/alerts/fired").then().extract().jsonPath().getList("ruleId", Long.class))
                .doesNotContain(muted);
        assertThat(t.asAdmin().get("/api/notifications").then().extract().jsonPath().getList("notifications.kind")).containsExactly("alert");
        assertThat(mailbox.getMailsSentTo(t.admin())).as("in-app only").isEmpty();
    }

    private static void purchases(List<Map<String, Object>> events, String prefix, Instant hourEnd, int n) {
        for (int i = 0; i < n; i++) {
            Instant at = hourEnd.minusSeconds(3000 - i * 250L);
            events.add(Events.aPurchaseEvent(prefix + "-" + i, "s-" + prefix + "-" + i, "o-" + prefix + "-" + i, at, "20.00"));
        }
    }
}
