package app.phare.live;

import java.time.LocalDate;
import java.util.List;

/**
 * What travels on the live channel (in-process, or through RabbitMQ between instances): a tenant's newly
 * stored events, or days the nightly run has just reconciled (their batch figures replace the live ones).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record LiveMessage(long tenantId, List<LiveEvent> events, List<Reconciliation.Day> reconciled) {

    static LiveMessage events(long tenantId, List<LiveEvent> events) {
        return new LiveMessage(tenantId, events, List.of());
    }

    static LiveMessage reconciled(long tenantId, List<Reconciliation.Day> days) {
        return new LiveMessage(tenantId, List.of(), days);
    }
}
