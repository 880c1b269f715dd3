package app.phare.live;

import java.util.List;

/**
 * Keeps something in memory from the event stream (live counters, carts, the fraud check's history). Called for
 * every batch of newly stored events, on every instance, and with the stored events at start (replay = true).
 */
public interface LiveListener {

    void onEvents(long tenantId, List<LiveEvent> events, boolean replay);

    /** Payments checked by any instance (this one included). */
    default void onPayments(long tenantId, List<PaymentSeen> payments) {
    }

    /** A run of the tenant's jobs has ended on some instance (this one included): its aggregates may have changed. */
    default void onFiguresChanged(long tenantId) {
    }
}
