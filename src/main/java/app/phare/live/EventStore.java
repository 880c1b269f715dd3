package app.phare.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The durable side of events: one INSERT … ON CONFLICT DO NOTHING per batch, committed before the client hears
 * "accepted"; the rows it returns are the events never seen before. Also reads them back to rebuild memory at start.
 */
@ApplicationScoped
public class EventStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Stores the events for the tenant in scope; returns those that were new (the others were duplicates). */
    public List<LiveEvent> insert(long tenantId, List<LiveEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        String[] ids = new String[n], types = new String[n], at = new String[n], days = new String[n], sessions = new String[n],
                customers = new String[n], orders = new String[n], amounts = new String[n], countries = new String[n],
                channels = new String[n], items = new String[n];
        for (int i = 0; i < n; i++) {
            LiveEvent e = events.get(i);
            ids[i] = e.eventId();
            types[i] = e.type();
            at[i] = e.occurredAt().toString();
            days[i] = e.day().toString();
            sessions[i] = e.sessionId();
            customers[i] = e.customerId();
            orders[i] = e.orderId();
            amounts[i] = e.amount() == null ? null : e.amount().toPlainString();
            countries[i] = e.country();
            channels[i] = e.channel();
            items[i] = e.items() == null ? null : write(e.items());
        }
        Set<String> inserted = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO live_event (tenant_id, event_id, type, occurred_at, day, session_id, customer_id, order_id,
                                            amount, country, channel, items)
                    SELECT ?, u.* FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::text[], ?::text[],
                                              ?::numeric[], ?::text[], ?::text[], ?::jsonb[]) AS u
                    ON CONFLICT DO NOTHING
                    RETURNING event_id""")) {
                ps.setLong(1, tenantId);
                Object[][] columns = {ids, types, at, days, sessions, customers, orders, amounts, countries, channels, items};
                for (int i = 0; i < columns.length; i++) {
                    ps.setArray(i + 2, c.createArrayOf("text", columns[i]));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store events: " + e.getMessage(), e);
        }
        List<LiveEvent> fresh = new ArrayList<>(inserted.size());
        for (LiveEvent e : events) {
            if (inserted.contains(e.eventId())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    /** Replays the stored events of the days from {@code since} on, tenant by tenant, in the order they happened. */
    public void replay(LocalDate since, Consumer<Stored> sink) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT tenant_id, event_id, type, occurred_at, day, session_id, customer_id, order_id, amount, country,
                            channel, items::text, received_at
                     FROM live_event WHERE day >= ? ORDER BY tenant_id, occurred_at, event_id""")) {
            c.setAutoCommit(false); // lets the driver stream with a fetch size
            ps.setFetchSize(5000);
            ps.setObject(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String items = rs.getString(12);
                    LiveEvent e = new LiveEvent(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getBigDecimal(9), rs.getString(10), rs.getString(11), items == null ? null : readItems(items));
                    sink.accept(new Stored(rs.getLong(1), e, rs.getTimestamp(13).toInstant()));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read events back: " + e.getMessage(), e);
        }
    }

    /** A stored event with its tenant and when Phare received it. */
    public record Stored(long tenantId, LiveEvent event, Instant receivedAt) {
    }

    private String write(List<LiveEvent.Item> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LiveEvent.Item> readItems(String s) {
        try {
            return List.of(json.readValue(s, LiveEvent.Item[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal zeroIfNull(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
