package app.phare.fraud;

import app.phare.live.LiveEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the check remembers: the usual amount, the window, retries, and the bound on customers. */
class FraudMemoryTest {

    private static final long WINDOW = 10 * 60_000L;
    private static final long T0 = 1_800_000_000_000L;

    private static LiveEvent aPurchase(String customer, String amount) {
        return new LiveEvent("e-" + customer + amount + Math.random(), LiveEvent.PURCHASE, Instant.now(), LocalDate.now(), null,
                customer, "o-" + Math.random(), new BigDecimal(amount), null, null, null);
    }

    @Test
    void theUsualAmountIsTheMedianOfTheLastPurchases() {
        FraudMemory memory = new FraudMemory(100);
        memory.onEvents(1, List.of(aPurchase("C1", "10.00"), aPurchase("C1", "1000.00"), aPurchase("C1", "30.00")), true);
        FraudMemory.History h = memory.record(1, "C1", "p1", "FR", "FR", T0, WINDOW);
        assertThat(h.purchases()).isEqualTo(3);
        assertThat(h.usual()).isEqualByComparingTo("30.00");
        memory.onEvents(1, List.of(aPurchase("C1", "50.00")), false);
        assertThat(memory.record(1, "C1", "p2", "FR", "FR", T0, WINDOW).usual()).isEqualByComparingTo("40.00");
    }

    @Test
    void onlyTheLastTwentyPurchasesCount() {
        FraudMemory memory = new FraudMemory(100);
        List<LiveEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(aPurchase("C1", i < 10 ? "1000.00" : "20.00"));
        }
        memory.onEvents(1, events, true);
        FraudMemory.History h = memory.record(1, "C1", "p1", null, null, T0, WINDOW);
        assertThat(h.purchases()).isEqualTo(FraudMemory.PURCHASES_KEPT);
        assertThat(h.usual()).isEqualByComparingTo("20.00");
    }

    @Test
    void paymentsOlderThanTheWindowNoLongerCount() {
        FraudMemory memory = new FraudMemory(100);
        memory.record(1, "C1", "p1", "FR", "FR", T0, WINDOW);
        memory.record(1, "C1", "p2", "DE", "FR", T0 + 60_000, WINDOW);
        FraudMemory.History third = memory.record(1, "C1", "p3", "NG", "NG", T0 + 120_000, WINDOW);
        assertThat(third.payments()).isEqualTo(3);
        assertThat(third.cardCountries()).containsExactly("DE", "FR", "NG");
        FraudMemory.History later = memory.record(1, "C1", "p4", "FR", "FR", T0 + WINDOW + 90_000, WINDOW);
        assertThat(later.payments()).isEqualTo(2);
        assertThat(later.cardCountries()).containsExactly("FR", "NG");
    }

    @Test
    void aRetriedPaymentIdCountsOnce() {
        FraudMemory memory = new FraudMemory(100);
        memory.record(1, "C1", "p1", "FR", "FR", T0, WINDOW);
        assertThat(memory.record(1, "C1", "p1", "FR", "FR", T0 + 1000, WINDOW).payments()).isEqualTo(1);
    }

    @Test
    void tenantsAndCustomersAreKeptApart() {
        FraudMemory memory = new FraudMemory(100);
        memory.record(1, "C1", "p1", "FR", "FR", T0, WINDOW);
        memory.record(1, "C1", "p2", "FR", "FR", T0, WINDOW);
        assertThat(memory.record(2, "C1", "p3", "FR", "FR", T0, WINDOW).payments()).isEqualTo(1);
        assertThat(memory.record(1, "C2", "p4", "FR", "FR", T0, WINDOW).payments()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlySeenCustomersAreForgottenBeyondTheBound() {
        FraudMemory memory = new FraudMemory(3);
        for (String c : List.of("C1", "C2", "C3")) {
            memory.record(1, c, "p-" + c, "FR", "FR", T0, WINDOW);
        }
        memory.record(1, "C1", "p-again", "FR", "FR", T0, WINDOW);
        memory.record(1, "C4", "p-C4", "FR", "FR", T0, WINDOW);
        assertThat(memory.customers(1)).isEqualTo(3);
        assertThat(memory.record(1, "C1", "p-x", "FR", "FR", T0, WINDOW).payments()).isEqualTo(3);
        assertThat(memory.record(1, "C2", "p-y", "FR", "FR", T0, WINDOW).payments()).isEqualTo(1);
    }

    @Test
    void aPaymentWithoutCustomerOrEmailHasNoHistory() {
        FraudMemory memory = new FraudMemory(100);
        FraudMemory.History h = memory.record(1, null, "p1", "FR", null, T0, WINDOW);
        assertThat(h.payments()).isEqualTo(1);
        assertThat(h.purchases()).isZero();
        assertThat(h.usual()).isNull();
    }
}
