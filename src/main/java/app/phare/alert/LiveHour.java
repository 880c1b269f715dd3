package app.phare.alert;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders and revenue of the hour before an instant, and the usual for that hour and weekday: the median of the same
 * hour on the same weekday over the 8 weeks before, each week read from the live events when the tenant sent any
 * that day, else from the nightly order lines. At least 3 such weeks make a usual.
 */
@ApplicationScoped
public class LiveHour {

    static final int WEEKS = 8, MIN_WEEKS = 3;

    /** The last hour's figures and, when the history allows, the usual ones. */
    public record Figures(Instant from, Instant to, long orders, double revenue, Optional<Usual> usual) {
    }

    /** The usual orders and revenue of that hour, and from how many weeks. */
    public record Usual(double orders, double revenue, int weeks) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** In the caller's tenant scope. */
    public Figures at(long tenantId, Instant now, ZoneId zone) {
        long[] orders = new long[WEEKS + 1];
        double[] revenue = new double[WEEKS + 1];
        boolean[] known = new boolean[WEEKS + 1];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH w AS (SELECT k, ?::timestamptz - make_interval(days => 7 * k) AS t FROM generate_series(0, ?) k),
                d AS (SELECT k, t, ((t - interval '1 hour') AT TIME ZONE ?)::date AS d0, (t AT TIME ZONE ?)::date AS d1 FROM w)
                SELECT k,
                       EXISTS (SELECT 1 FROM live_event e WHERE e.tenant_id = ? AND e.day BETWEEN d.d0 AND d.d1) AS live,
                       (SELECT count(DISTINCT order_id) FROM live_event e WHERE e.tenant_id = ? AND e.type = 'purchase'
                           AND e.occurred_at >= d.t - interval '1 hour' AND e.occurred_at < d.t),
                       (SELECT coalesce(sum(CASE WHEN e.type = 'refund' THEN -e.amount ELSE e.amount END), 0) FROM live_event e
                           WHERE e.tenant_id = ? AND e.type IN ('purchase', 'refund')
                           AND e.occurred_at >= d.t - interval '1 hour' AND e.occurred_at < d.t),
                       EXISTS (SELECT 1 FROM order_line l WHERE l.tenant_id = ? AND l.day BETWEEN d.d0 AND d.d1) AS batch,
                       (SELECT count(DISTINCT order_id) FILTER (WHERE quantity_e3 > 0) FROM order_line l
                           WHERE l.tenant_id = ? AND l.day BETWEEN d.d0 AND d.d1
                           AND l.ordered_at >= d.t - interval '1 hour' AND l.ordered_at < d.t),
                       (SELECT coalesce(sum(quantity_e3 * unit_price_e4), 0) / 1e7 FROM order_line l
                           WHERE l.tenant_id = ? AND l.day BETWEEN d.d0 AND d.d1
                           AND l.ordered_at >= d.t - interval '1 hour' AND l.ordered_at < d.t)
                FROM d ORDER BY k""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, WEEKS);
            ps.setString(3, zone.getId());
            ps.setString(4, zone.getId());
            for (int i = 5; i <= 10; i++) {
                ps.setLong(i, tenantId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int k = rs.getInt(1);
                    if (k == 0 || rs.getBoolean(2)) {
                        known[k] = k == 0 || rs.getBoolean(2);
                        orders[k] = rs.getLong(3);
                        revenue[k] = rs.getDouble(4);
                    } else if (rs.getBoolean(5)) {
                        known[k] = true;
                        orders[k] = rs.getLong(6);
                        revenue[k] = rs.getDouble(7);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the last hour: " + e.getMessage(), e);
        }
        List<double[]> weeks = new ArrayList<>();
        for (int k = 1; k <= WEEKS; k++) {
            if (known[k]) {
                weeks.add(new double[]{orders[k], revenue[k]});
            }
        }
        Optional<Usual> usual = weeks.size() < MIN_WEEKS ? Optional.empty()
                : Optional.of(new Usual(median(weeks, 0), median(weeks, 1), weeks.size()));
        return new Figures(now.minusSeconds(3600), now, orders[0], revenue[0], usual);
    }

    private static double median(List<double[]> weeks, int column) {
        double[] v = weeks.stream().mapToDouble(w -> w[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
