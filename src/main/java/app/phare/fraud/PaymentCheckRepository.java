package app.phare.fraud;

import app.phare.common.ProblemException;
import app.phare.fraud.Decision.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the stored payment checks (plain SQL, like their batched inserts in {@link PaymentCheckWriter}): the latest
 * decisions, today's counts, the false-positive mark. Runs in the caller's tenant scope, so row-level security
 * confines every statement to the tenant of the request.
 */
@ApplicationScoped
public class PaymentCheckRepository {

    private static final String COLUMNS = """
            id, payment_id, order_id, customer_id, email, amount, currency, card_country, ip_country, billing_country,
            occurred_at, checked_at, decision, score, reasons::text, micros, false_positive, marked_by, marked_at""";

    /** How many decisions of each kind, and how many marked false positives. */
    public record Counts(long allow, long review, long block, long falsePositives) {

        public long total() {
            return allow + review + block;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** The latest decisions, newest first; decision null for all. */
    public List<PaymentCheck> latest(String decision, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM payment_check" + (decision == null ? "" : " WHERE decision = ?")
                + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (decision != null) {
                ps.setString(i++, decision);
            }
            ps.setInt(i, limit);
            List<PaymentCheck> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read payment checks: " + e.getMessage(), e);
        }
    }

    /** Decisions checked since the given instant (the start of the tenant's day). */
    public Counts countsSince(Instant since) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT count(*) FILTER (WHERE decision = 'allow'), count(*) FILTER (WHERE decision = 'review'),
                            count(*) FILTER (WHERE decision = 'block'), count(*) FILTER (WHERE false_positive)
                     FROM payment_check WHERE checked_at >= ?""")) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count payment checks: " + e.getMessage(), e);
        }
    }

    /**
     * Marks a review or block decision as a false positive (marking again keeps the first mark). Empty when the
     * tenant has no such decision; 409 for a payment that was allowed.
     */
    public Optional<PaymentCheck> markFalsePositive(long id, String by) {
        try (Connection c = dataSource.getConnection()) {
            Optional<PaymentCheck> found = byId(c, id);
            if (found.isEmpty()) {
                return found;
            }
            if (found.get().decision().equals(PaymentCheck.ALLOW)) {
                throw ProblemException.conflict("id", "payment check " + id + " allowed the payment; only review and block "
                        + "decisions can be false positives");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE payment_check SET false_positive = true, marked_by = ?, marked_at = now()
                    WHERE id = ? AND NOT false_positive""")) {
                ps.setString(1, by);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return byId(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark payment check " + id + ": " + e.getMessage(), e);
        }
    }

    /** Recent checks of every tenant (trusted start-up code, no tenant scope): what velocity needs after a restart. */
    void recent(RecentSink sink) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT p.tenant_id, p.customer_id, p.email, p.payment_id, p.card_country, p.ip_country, p.checked_at
                     FROM payment_check p LEFT JOIN live_settings s ON s.tenant_id = p.tenant_id
                     WHERE p.checked_at > now() - interval '1 day'
                       AND p.checked_at > now() - make_interval(mins => coalesce((s.fraud_rules ->> 'windowMinutes')::int, 10))
                     ORDER BY p.checked_at""")) {
            c.setAutoCommit(false); // lets the driver stream with a fetch size
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String customer = rs.getString(2);
                    String email = rs.getString(3);
                    String key = customer != null ? customer : email != null ? "email:" + email : null;
                    if (key != null) {
                        sink.accept(rs.getLong(1), key, rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getTimestamp(7).toInstant().toEpochMilli());
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read recent payment checks: " + e.getMessage(), e);
        }
    }

    /** Receives a recent check. */
    interface RecentSink {
        void accept(long tenantId, String customerKey, String paymentId, String cardCountry, String ipCountry, long atMillis);
    }

    private Optional<PaymentCheck> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM payment_check WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private PaymentCheck row(ResultSet rs) throws SQLException {
        Timestamp marked = rs.getTimestamp(19);
        return new PaymentCheck(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getInt(14),
                reasons(rs.getString(15)), rs.getInt(16), rs.getBoolean(17), rs.getString(18),
                marked == null ? null : marked.toInstant());
    }

    private List<Reason> reasons(String text) {
        try {
            return List.of(json.readValue(text, Reason[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable reasons of a payment check: " + e.getMessage(), e);
        }
    }
}
