package app.phare.live;

import java.time.LocalDate;
import java.util.List;

/**
 * What travels on the live channel (in-process, or through RabbitMQ between instances): a tenant's newly
 * stored events, days the nightly run has just reconciled (their batch figures replace the live ones), or
 * payments checked (for every instance's fraud memory). It carries the sender's trace context, so that the path
 * from an event's arrival to the live tiles of every instance is one trace. figuresChanged says that a run of the
 * tenant's jobs has ended: answers cached from its aggregates are out of date on every instance.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record LiveMessage(long tenantId, List<LiveEvent> events, List<Reconciliation.Day> reconciled,
                          List<PaymentSeen> payments, boolean figuresChanged, String traceparent,
                          long sentAtMillis) {

    public LiveMessage {
        events = events == null ? List.of() : events;
        reconciled = reconciled == null ? List.of() : reconciled;
        payments = payments == null ? List.of() : payments;
    }

    static LiveMessage events(long tenantId, List<LiveEvent> events) {
        return new LiveMessage(tenantId, events, List.of(), List.of(), false, null, 0);
    }

    static LiveMessage reconciled(long tenantId, List<Reconciliation.Day> days) {
        return new LiveMessage(tenantId, List.of(), days, List.of(), false, null, 0);
    }

    public static LiveMessage payment(long tenantId, PaymentSeen payment) {
        return new LiveMessage(tenantId, List.of(), List.of(), List.of(payment), false, null, 0);
    }

    public static LiveMessage figuresChanged(long tenantId) {
        return new LiveMessage(tenantId, List.of(), List.of(), List.of(), true, null, 0);
    }

    /** The same message carrying the sender's trace (W3C traceparent) and the time it was sent. */
    LiveMessage sent(String traceparent, long atMillis) {
        return new LiveMessage(tenantId, events, reconciled, payments, figuresChanged, traceparent, atMillis);
    }
}
