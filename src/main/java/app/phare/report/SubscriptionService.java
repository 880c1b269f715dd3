package app.phare.report;

import app.phare.common.ProblemException;
import app.phare.pipeline.PipelineRun;
import app.phare.pipeline.PipelineService;
import app.phare.report.content.ReportGenerator;
import app.phare.report.content.ReportSpec;
import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Report subscriptions: each user's standing orders (weekly or monthly, at an hour of the tenant's timezone), and the
 * sending job. A period is sent once, when it is closed, the hour has come, and a nightly run has finished after the
 * period's end (so the report holds the whole period); the file goes by e-mail, attached. The job runs every minute
 * and after each nightly run; it is listed on /admin.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    static final String COLUMNS = "id, email, type, format, filters::text, frequency, send_hour, last_period_end, last_report_id";

    /** Body of a subscription: frequency weekly or monthly, hour 0–23 in the tenant's timezone. */
    public record Request(String type, String format, Map<String, String> filters, String frequency, Integer hour) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportGenerator generator;

    @Inject
    ReportService reports;

    @Inject
    TenantRepository tenants;

    @Inject
    ObjectMapper json;

    private volatile Instant lastRun;
    private volatile int lastSent;

    /** The user's subscriptions (tenant in scope). */
    public List<Subscription> mine(String email) {
        return query("SELECT " + COLUMNS + " FROM report_subscription WHERE email = ? ORDER BY id", email);
    }

    public Subscription create(long tenantId, String email, Request r) {
        Request v = validate(r);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO report_subscription (tenant_id, email, type, format, filters, frequency, send_hour)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) RETURNING id""")) {
            ps.setLong(1, tenantId);
            ps.setString(2, email);
            ps.setString(3, v.type());
            ps.setString(4, v.format());
            ps.setString(5, json.writeValueAsString(v.filters()));
            ps.setString(6, v.frequency());
            ps.setInt(7, v.hour());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return get(email, rs.getLong(1));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Subscription update(String email, long id, Request r) {
        get(email, id);
        Request v = validate(r);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE report_subscription SET type = ?, format = ?, filters = ?::jsonb, frequency = ?, send_hour = ?
                     WHERE id = ? AND email = ?""")) {
            ps.setString(1, v.type());
            ps.setString(2, v.format());
            ps.setString(3, json.writeValueAsString(v.filters()));
            ps.setString(4, v.frequency());
            ps.setInt(5, v.hour());
            ps.setLong(6, id);
            ps.setString(7, email);
            ps.executeUpdate();
            return get(email, id);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(String email, long id) {
        get(email, id);
        execute("DELETE FROM report_subscription WHERE id = ? AND email = ?", id, email);
    }

    public Subscription get(String email, long id) {
        return query("SELECT " + COLUMNS + " FROM report_subscription WHERE id = ? AND email = ?", id, email).stream()
                .findFirst().orElseThrow(() -> ProblemException.notFound("subscription " + id));
    }

    private Request validate(Request r) {
        if (r == null) {
            throw ProblemException.badRequest(null, "send {type, format, filters, frequency, hour}");
        }
        if (!"weekly".equals(r.frequency()) && !"monthly".equals(r.frequency())) {
            throw ProblemException.badRequest("frequency", "frequency is weekly or monthly, was '" + r.frequency() + "'");
        }
        int hour = r.hour() == null ? 7 : r.hour();
        if (hour < 0 || hour > 23) {
            throw ProblemException.badRequest("hour", "hour is from 0 to 23 (the tenant's time), was " + hour);
        }
        Map<String, String> filters = new TreeMap<>(r.filters() == null ? Map.of() : r.filters());
        LocalDate[] sample = Subscription.closedPeriod(r.frequency(), LocalDate.now());
        generator.validate(new ReportSpec(r.type(), sample[0], sample[1], r.format(), filters));
        return new Request(r.type(), r.format(), filters, r.frequency(), hour);
    }

    void afterNightlyRun(@Observes PipelineService.RunEnded ended) {
        if (PipelineRun.SUCCEEDED.equals(ended.status()) && !ended.dryRun()) {
            sendDue();
        }
    }

    @Scheduled(every = "60s", identity = "report-subscriptions", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyMinute() {
        sendDue();
    }

    /** Queues the report of every subscription whose period is due; returns how many. Trusted: all tenants. */
    @app.phare.tenant.SystemWork
    public synchronized int sendDue() {
        int sent = 0;
        record Due(long id, long tenantId, Subscription s) {
        }
        List<Due> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", tenant_id FROM report_subscription ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(new Due(rs.getLong(1), rs.getLong(10), subscription(rs)));
            }
        } catch (SQLException e) {
            LOG.errorf("could not read subscriptions: %s", e.getMessage());
            return 0;
        }
        for (Due d : all) {
            try {
                if (sendIfDue(d.tenantId(), d.s())) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "subscription %d could not be sent", d.id());
            }
        }
        lastRun = Instant.now();
        lastSent = sent;
        return sent;
    }

    private boolean sendIfDue(long tenantId, Subscription s) {
        Tenant tenant = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> tenants.findById(tenantId)));
        ZonedDateTime now = ZonedDateTime.now(tenant.zone());
        LocalDate[] period = Subscription.closedPeriod(s.frequency(), now.toLocalDate());
        if (period[1].equals(s.lastPeriodEnd()) || now.getHour() < s.hour()) {
            return false;
        }
        Instant closes = period[1].plusDays(1).atStartOfDay(tenant.zone()).toInstant();
        Instant lastRun = lastNightlyRun(tenantId);
        if (lastRun == null || lastRun.isBefore(closes)) {
            return false; // the nightly run that closes the period has not happened yet
        }
        ReportService.Requested r = TenantScope.callAs(tenantId, () -> reports.request(tenant, s.email(),
                new ReportSpec(s.type(), period[0], period[1], s.format(), s.filters()), true));
        execute("UPDATE report_subscription SET last_period_end = ?, last_report_id = ? WHERE id = ?", period[1], r.reportId(), s.id());
        LOG.infof("subscription %d: report %d for %s – %s", s.id(), r.reportId(), period[0], period[1]);
        return true;
    }

    private Instant lastNightlyRun(long tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT max(finished_at) FROM pipeline_run WHERE tenant_id = ? AND status = 'succeeded' AND NOT dry_run""")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return ReportService.instant(rs.getTimestamp(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant lastRun() {
        return lastRun;
    }

    public int lastSent() {
        return lastSent;
    }

    private List<Subscription> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Subscription> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(subscription(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Subscription subscription(ResultSet rs) throws SQLException {
        Map<String, String> filters;
        try {
            filters = json.readValue(rs.getString(5), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            filters = Map.of();
        }
        long last = rs.getLong(9);
        return new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), filters, rs.getString(6),
                rs.getInt(7), rs.getObject(8, LocalDate.class), rs.wasNull() ? null : last);
    }

    private void execute(String sql, Object... args) {
        app.phare.common.db.Jdbc.execute(dataSource, sql, args);
    }
}
