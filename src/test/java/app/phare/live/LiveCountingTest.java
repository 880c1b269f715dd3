package app.phare.live;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static app.phare.testing.Events.aCartAdd;
import static app.phare.testing.Events.aPageView;
import static app.phare.testing.Events.aPurchaseEvent;
import static app.phare.testing.Events.aRefund;
import static app.phare.testing.Events.aToken;
import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 1: 100,000 events with 5 % duplicates and 1 % invalid give exactly the expected live figures. */
@QuarkusTest
class LiveCountingTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** The stream and what it must add up to, computed independently of Phare. */
    record Stream(List<Map<String, Object>> events, int valid, int duplicates, int invalid, BigDecimal revenue, long orders,
                  long refunds, long sessions, long carts, long buyingSessions) {
    }

    static Stream generate(LocalDate day, int total, long seed) {
        Random r = new Random(seed);
        Instant start = day.atTime(8, 0).atZone(ZONE).toInstant();
        List<Map<String, Object>> events = new ArrayList<>(total);
        List<Map<String, Object>> valid = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        Set<String> sessions = new HashSet<>(), carts = new HashSet<>(), buying = new HashSet<>(), orders = new HashSet<>();
        long refunds = 0;
        int duplicates = 0, invalid = 0;
        for (int i = 0; events.size() < total; i++) {
            double roll = r.nextDouble();
            if (roll < 0.05 && !valid.isEmpty()) {
                events.add(valid.get(r.nextInt(valid.size())));
                duplicates++;
                continue;
            }
            Instant at = start.plusSeconds(r.nextInt(10 * 3600));
            String session = "s" + r.nextInt(20_000);
            if (roll < 0.06) {
                // invalid: a purchase without an order id
                Map<String, Object> bad = aPurchaseEvent("bad-" + i, session, "x", at, "10.00");
                bad.remove("orderId");
                events.add(bad);
                invalid++;
                continue;
            }
            Map<String, Object> e;
            int kind = r.nextInt(100);
            if (kind < 60) {
                e = aPageView("e" + i, session, at);
            } else if (kind < 80) {
                e = aCartAdd("e" + i, session, at, "SKU-" + r.nextInt(50), 1 + r.nextInt(3), "9.90");
                carts.add(session);
            } else if (kind < 97) {
                String amount = BigDecimal.valueOf(500 + r.nextInt(20_000), 2).toPlainString();
                e = aPurchaseEvent("e" + i, session, "o" + i, at, amount);
                revenue = revenue.add(new BigDecimal(amount));
                orders.add("o" + i);
                buying.add(session);
            } else {
                String amount = BigDecimal.valueOf(100 + r.nextInt(3_000), 2).toPlainString();
                e = aRefund("e" + i, "o" + r.nextInt(i + 1), at, amount);
                e.put("sessionId", session);
                revenue = revenue.subtract(new BigDecimal(amount));
                refunds++;
            }
            sessions.add(session);
            events.add(e);
            valid.add(e);
        }
        return new Stream(events, valid.size(), duplicates, invalid, revenue, orders.size(), refunds, sessions.size(),
                carts.size(), buying.size());
    }

    @Test
    void hundredThousandEventsWithDuplicatesAndInvalidOnesCountExactlyAndAReplayChangesNothing() {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        String token = aToken(t, "events:write");
        LocalDate day = LocalDate.now(ZONE).minusDays(1);
        Stream s = generate(day, 100_000, 42);
        assertThat(s.duplicates()).isBetween(4_500, 5_500);
        assertThat(s.invalid()).isBetween(800, 1_200);

        int[] sent = send(token, s.events());
        assertThat(sent[0]).as("accepted").isEqualTo(s.valid());
        assertThat(sent[1]).as("duplicates").isEqualTo(s.duplicates());
        assertThat(sent[2]).as("rejected").isEqualTo(s.invalid());
        assertFigures(t, day, s);

        int[] again = send(token, s.events());
        assertThat(again[0]).as("accepted on replay").isZero();
        assertThat(again[1]).as("duplicates on replay").isEqualTo(s.valid() + s.duplicates());
        assertFigures(t, day, s);
    }

    private static int[] send(String token, List<Map<String, Object>> events) {
        int[] totals = new int[3];
        for (int from = 0; from < events.size(); from += 1000) {
            JsonPath answer = app.phare.testing.Events.post(token, events.subList(from, Math.min(from + 1000, events.size())));
            totals[0] += answer.getInt("accepted");
            totals[1] += answer.getInt("duplicates");
            totals[2] += answer.getList("rejected").size();
        }
        return totals;
    }

    private static void assertFigures(Api.TestTenant t, LocalDate day, Stream s) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath f = app.phare.testing.Events.exact(
                    t.asManager().get("/api/live/days/" + day).then().statusCode(200).extract().asString());
            assertThat(f.<BigDecimal>get("revenue")).isEqualByComparingTo(s.revenue());
            assertThat(f.getLong("orders")).isEqualTo(s.orders());
            assertThat(f.getLong("refunds")).isEqualTo(s.refunds());
            assertThat(f.getLong("sessions")).isEqualTo(s.sessions());
            assertThat(f.getLong("carts")).isEqualTo(s.carts());
            assertThat(f.<BigDecimal>get("conversionRate").doubleValue()).isCloseTo(100.0 * s.buyingSessions() / s.sessions(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.getString("source")).isEqualTo("live");
        });
    }
}
