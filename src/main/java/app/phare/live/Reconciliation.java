package app.phare.live;

import app.phare.notify.NotificationService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import app.phare.pipeline.PipelineRun;
import app.phare.pipeline.PipelineService;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a nightly run has ingested days from an orders source, their batch figures replace the live ones: for each
 * such day that also has live purchases or refunds, the live and batch orders and revenue are recorded, every
 * instance is told (through the live channel), and admins are notified when the drift passes the tenant's threshold.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    /** A reconciled day. Drift is live minus batch; its percentage is against the batch figure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(LocalDate day, long runId, long liveOrders, BigDecimal liveRevenue, long batchOrders,
                      BigDecimal batchRevenue, Instant reconciledAt) {

        @JsonProperty
        public long ordersDrift() {
            return liveOrders - batchOrders;
        }

        @JsonProperty
        public BigDecimal revenueDrift() {
            return liveRevenue.subtract(batchRevenue);
        }

        /** Null when the batch has nothing to compare against but live has something (an infinite drift). */
        @JsonProperty
        public Double ordersDriftPct() {
            return pct(BigDecimal.valueOf(liveOrders), BigDecimal.valueOf(batchOrders));
        }

        @JsonProperty
        public Double revenueDriftPct() {
            return pct(liveRevenue, batchRevenue);
        }

        public boolean exceeds(double thresholdPct) {
            Double o = ordersDriftPct();
            Double r = revenueDriftPct();
            return o == null || r == null || Math.abs(o) > thresholdPct || Math.abs(r) > thresholdPct;
        }

        private static Double pct(BigDecimal live, BigDecimal batch) {
            if (batch.signum() == 0) {
                return live.signum() == 0 ? 0.0 : null;
            }
            return live.subtract(batch).multiply(BigDecimal.valueOf(100)).divide(batch.abs(), 4, RoundingMode.HALF_EVEN)
                    .doubleValue();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LiveStream stream;

    @Inject
    LiveSettingsService settings;

    @Inject
    NotificationService notifications;

    void onRunEnded(@Observes PipelineService.RunEnded ended) {
        if (!PipelineRun.SUCCEEDED.equals(ended.status()) || ended.dryRun()) {
            return;
        }
        try {
            reconcile(ended.tenantId(), ended.runId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not reconcile the live figures with run %d", ended.runId());
        }
    }

    /** Reconciles the days the run changed; returns them. */
    public List<Day> reconcile(long tenantId, long runId) {
        List<Day> days = TenantScope.callAs(tenantId, () -> upsert(tenantId, runId));
        if (days.isEmpty()) {
            return days;
        }
        stream.publish(LiveMessage.reconciled(tenantId, days));
        double threshold = settings.get(tenantId).driftThresholdPct();
        List<Day> drifted = days.stream().filter(d -> d.exceeds(threshold)).toList();
        if (!drifted.isEmpty()) {
            StringBuilder body = new StringBuilder();
            for (Day d : drifted) {
                body.append(String.format(Locale.ROOT, "%s: orders %d live vs %d batch (%s), revenue %s live vs %s batch (%s). ",
                        d.day(), d.liveOrders(), d.batchOrders(), pctText(d.ordersDriftPct()), d.liveRevenue().toPlainString(),
                        d.batchRevenue().toPlainString(), pctText(d.revenueDriftPct())));
            }
            notifications.notifyAdmins(tenantId, "drift", "Live figures differ from the nightly run by more than "
                    + String.format(Locale.ROOT, "%.1f %%", threshold), body.toString().strip(), "/admin#drift");
        }
        return days;
    }

    static String pctText(Double pct) {
        return pct == null ? "no batch figure" : String.format(Locale.ROOT, "%+.1f %%", pct);
    }

    private List<Day> upsert(long tenantId, long runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     WITH changed AS (SELECT unnest(changed_days) AS day FROM pipeline_run WHERE id = ?),
                     live AS (
                         SELECT e.day,
                                count(DISTINCT e.order_id) FILTER (WHERE e.type = 'purchase') AS orders,
                                coalesce(sum(e.amount) FILTER (WHERE e.type = 'purchase'), 0)
                                  - coalesce(sum(e.amount) FILTER (WHERE e.type = 'refund'), 0) AS revenue
                         FROM live_event e JOIN changed USING (day)
                         WHERE e.tenant_id = ? AND e.type IN ('purchase', 'refund')
                         GROUP BY e.day)
                     INSERT INTO live_reconciliation (tenant_id, day, run_id, live_orders, live_revenue, batch_orders,
                                                      batch_revenue, reconciled_at)
                     SELECT ?, live.day, ?, live.orders, live.revenue, s.orders, round(s.net_revenue_e7 / 1e7, 2), now()
                     FROM live JOIN sales_day s ON s.tenant_id = ? AND s.day = live.day AND s.country = '*' AND s.channel = '*'
                     ON CONFLICT (tenant_id, day) DO UPDATE SET run_id = excluded.run_id, live_orders = excluded.live_orders,
                         live_revenue = excluded.live_revenue, batch_orders = excluded.batch_orders,
                         batch_revenue = excluded.batch_revenue, reconciled_at = excluded.reconciled_at
                     RETURNING day, run_id, live_orders, live_revenue, batch_orders, batch_revenue, reconciled_at""")) {
            ps.setLong(1, runId);
            ps.setLong(2, tenantId);
            ps.setLong(3, tenantId);
            ps.setLong(4, runId);
            ps.setLong(5, tenantId);
            List<Day> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(day(rs));
                }
            }
            days.sort(java.util.Comparator.comparing(Day::day));
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("could not reconcile run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The tenant's reconciled days, newest first (tenant in scope). */
    public List<Day> latest(int limit) {
        return query("SELECT day, run_id, live_orders, live_revenue, batch_orders, batch_revenue, reconciled_at "
                + "FROM live_reconciliation ORDER BY day DESC LIMIT ?", null, limit);
    }

    /** The day's reconciliation for the tenant in scope, if the nightly run has ingested it. */
    public java.util.Optional<Day> of(LocalDate day) {
        return query("SELECT day, run_id, live_orders, live_revenue, batch_orders, batch_revenue, reconciled_at "
                + "FROM live_reconciliation WHERE day = ?", null, day).stream().findFirst();
    }

    /** Reconciled days from the given day on, every tenant (trusted: for the start-up rebuild). */
    List<Day> since(LocalDate from, List<Long> tenantOut) {
        return query("SELECT day, run_id, live_orders, live_revenue, batch_orders, batch_revenue, reconciled_at, tenant_id "
                + "FROM live_reconciliation WHERE day >= ? ORDER BY tenant_id, day", tenantOut, from);
    }

    private List<Day> query(String sql, List<Long> tenantOut, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Day> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(day(rs));
                    if (tenantOut != null) {
                        tenantOut.add(rs.getLong(8));
                    }
                }
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read reconciliations: " + e.getMessage(), e);
        }
    }

    private static Day day(ResultSet rs) throws SQLException {
        return new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5),
                rs.getBigDecimal(6), rs.getTimestamp(7).toInstant());
    }
}
