package app.phare.live;

import app.phare.tenant.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Takes a batch of events (validate, store durably, publish) and answers what a day's figures are: from memory for
 * the recent days, from the stored events further back; the nightly run's figures once it has reconciled the day.
 */
@ApplicationScoped
public class LiveService {

    /** The answer to a batch: counts, and each refused event with why. */
    public record Accepted(int accepted, int duplicates, List<EventParser.Rejected> rejected) {
    }

    @Inject
    io.opentelemetry.api.trace.Tracer tracer;

    @Inject
    app.phare.ops.Metrics metrics;

    @Inject
    EventStore store;

    @Inject
    LiveStream stream;

    @Inject
    LiveCounters counters;

    @Inject
    CartTracker carts;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Reconciliation reconciliation;

    /** Validates, stores (committed before this returns) and publishes a batch for the tenant in scope. */
    public Accepted ingest(Tenant tenant, JsonNode body) {
        Instant now = Instant.now();
        EventParser.Parsed parsed = EventParser.parse(body, tenant.zone(), tenant.currency, now);
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("live store").setAttribute(app.phare.ops.Tracing.TENANT, tenant.id)
                .setAttribute("phare.events", parsed.events().size()).startSpan();
        List<LiveEvent> fresh;
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            fresh = store.insert(tenant.id, parsed.events());
            if (!fresh.isEmpty()) {
                stream.publish(LiveMessage.events(tenant.id, fresh));
            }
        } finally {
            span.end();
        }
        int duplicates = parsed.duplicatesInBatch() + parsed.events().size() - fresh.size();
        metrics.events(fresh.size(), duplicates, parsed.rejected().size());
        for (LiveEvent e : fresh) {
            metrics.eventLag(java.time.Duration.between(e.occurredAt(), now));
        }
        return new Accepted(fresh.size(), duplicates, parsed.rejected());
    }

    /** The day's figures for the tenant in scope. */
    public LiveFigures figures(Tenant tenant, LocalDate day) {
        if (counters.holds(day)) {
            LiveFigures f = counters.figures(tenant.id, day);
            return f != null ? f : new DayCounters().figures(day);
        }
        return stored(day);
    }

    public List<Activity> recent(long tenantId, int limit) {
        return counters.recent(tenantId, limit);
    }

    public List<AbandonedCart> abandoned(long tenantId, int limit) {
        return carts.abandoned(tenantId, limit);
    }

    /** A day beyond memory, from the stored events and the reconciliation (tenant in scope, row security applies). */
    private LiveFigures stored(LocalDate day) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0)
                              - coalesce(sum(amount) FILTER (WHERE type = 'refund'), 0),
                            count(DISTINCT order_id) FILTER (WHERE type = 'purchase'),
                            coalesce(sum((SELECT sum((i ->> 'quantity')::bigint) FROM jsonb_array_elements(items) i))
                                     FILTER (WHERE type = 'purchase'), 0),
                            count(*) FILTER (WHERE type = 'refund'),
                            coalesce(sum(amount) FILTER (WHERE type = 'refund'), 0),
                            count(DISTINCT session_id),
                            count(DISTINCT session_id) FILTER (WHERE type = 'cart_add'),
                            count(DISTINCT session_id) FILTER (WHERE type = 'purchase')
                     FROM live_event WHERE day = ?""")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long sessions = rs.getLong(6);
                Double conversion = sessions == 0 ? null : 100.0 * rs.getLong(8) / sessions;
                LiveFigures f = new LiveFigures(day, LiveFigures.LIVE, rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5), sessions, rs.getLong(7), conversion, null);
                return reconciliation.of(day).map(f::reconciled).orElse(f);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the day's events: " + e.getMessage(), e);
        }
    }
}
