package app.phare.live;

import java.time.LocalDate;
import java.util.List;

/**
 * What travels on the live channel (in-process, or through RabbitMQ between instances): a tenant's newly
 * stored events, days the nightly run has just reconciled (their batch figures replace the live ones), or
 * payments checked (for every instance's fraud memory).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record LiveMessage(long tenantId, List<LiveEvent> events, List<Reconciliation.Day> reconciled,
                          List<PaymentSeen> payments) {

    public LiveMessage {
        events = events == null ? List.of() : events;
        reconciled = reconciled == null ? List.of() : reconciled;
        payments = payments == null ? List.of() : payments;
    }

    static LiveMessage events(long tenantId, List<LiveEvent> events) {
        return new LiveMessage(tenantId, events, List.of(), List.of());
    }

    static LiveMessage reconciled(long tenantId, List<Reconciliation.Day> days) {
        return new LiveMessage(tenantId, List.of(), days, List.of());
    }

    public static LiveMessage payment(long tenantId, PaymentSeen payment) {
        return new LiveMessage(tenantId, List.of(), List.of(), List.of(payment));
    }
}
