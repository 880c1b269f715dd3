package app.phare.report;

import app.phare.notify.NotificationService;
import app.phare.report.content.RenderedReport;
import app.phare.report.content.ReportGenerator;
import app.phare.report.content.ReportSpec;
import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates queued reports in the background. A wake-up on the {@code report-requests} channel runs on the bounded
 * {@code report-workers} pool (see application.properties); the worker claims the oldest queued report of any tenant
 * (FOR UPDATE SKIP LOCKED, so instances share the queue), generates it with a heartbeat, stores the file and notifies
 * everyone who asked. A report whose heartbeat stops (its instance died) is queued again by the sweep every 5 s.
 */
@ApplicationScoped
public class ReportWorker {

    private static final Logger LOG = Logger.getLogger(ReportWorker.class);
    private record Claimed(long id, long tenantId, ReportSpec spec, int attempts) {
    }

    @Inject
    io.opentelemetry.api.trace.Tracer tracer;

    @Inject
    app.phare.ops.Metrics metrics;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportGenerator generator;

    @Inject
    ReportFiles files;

    @Inject
    ReportConfig config;

    @Inject
    TenantRepository tenants;

    @Inject
    NotificationService notifications;

    @Inject
    ObjectMapper json;

    @Inject
    io.quarkus.mailer.Mailer mailer;

    @Inject
    app.phare.common.PhareConfig phare;

    @Inject
    @Channel("report-requests")
    @OnOverflow(value = OnOverflow.Strategy.DROP)
    Emitter<String> wakeUp;

    /** Hands work to the pool: one wake-up per request; a full buffer drops it (the 5 s sweep catches up). */
    public void wake(String reason) {
        wakeUp.send(reason);
    }

    @Incoming("report-requests")
    @Blocking(value = "report-workers", ordered = false)
    @app.phare.tenant.SystemWork // the queue is every tenant's; each report is generated in its tenant's scope
    public void onRequest(String reason) {
        drain();
    }

    /** Requeues reports whose worker went silent, and wakes a worker when reports wait. */
    @Scheduled(every = "5s", identity = "report-queue-sweep", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @app.phare.tenant.SystemWork // every tenant's queue
    void sweep() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE report SET status = 'queued', stage = 'queued again: its worker stopped', progress = 0
                    WHERE status = 'running' AND heartbeat_at < ?""")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.staleAfter())));
                int requeued = ps.executeUpdate();
                if (requeued > 0) {
                    LOG.infof("%d report(s) whose worker stopped were queued again", requeued);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM report WHERE status = 'queued'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                metrics.reportQueue(rs.getLong(1));
                if (rs.getLong(1) > 0) {
                    wake("sweep");
                }
            }
        } catch (SQLException e) {
            LOG.errorf("report sweep failed: %s", e.getMessage());
        }
    }

    void drain() {
        Claimed next;
        while ((next = claim()) != null) {
            process(next);
        }
    }

    private Claimed claim() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE report SET status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1,
                                       stage = 'starting', progress = 0
                     WHERE id = (SELECT id FROM report WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                     RETURNING id, tenant_id, type, from_day, to_day, format, filters::text, attempts""")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                @SuppressWarnings("unchecked")
                java.util.Map<String, String> filters = json.readValue(rs.getString(7), java.util.Map.class);
                return new Claimed(rs.getLong(1), rs.getLong(2), new ReportSpec(rs.getString(3),
                        rs.getObject(4, java.time.LocalDate.class), rs.getObject(5, java.time.LocalDate.class), rs.getString(6),
                        filters), rs.getInt(8));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.errorf("could not claim a report: %s", e.getMessage());
            return null;
        }
    }

    private void process(Claimed r) {
        long[] lastBeat = {System.nanoTime()};
        long started = System.nanoTime();
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("report generate " + r.spec().type())
                .setAttribute(app.phare.ops.Tracing.TENANT, r.tenantId()).setAttribute(app.phare.ops.Tracing.REPORT, r.id())
                .setAttribute("phare.report.format", r.spec().format()).startSpan();
        String outcome = "failed";
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            RenderedReport file = TenantScope.callAs(r.tenantId(), () -> {
                Tenant tenant = QuarkusTransaction.requiringNew().call(() -> tenants.findById(r.tenantId()));
                return generator.generate(tenant, r.spec(), (stage, percent) -> {
                    if (System.nanoTime() - lastBeat[0] > 300_000_000L) {
                        lastBeat[0] = System.nanoTime();
                        progress(r.id(), stage, percent);
                    }
                });
            });
            files.write(r.tenantId(), r.id(), file.fileName(), file.bytes());
            finish(r, file);
            notifyRequesters(r, true, null);
            deliver(r.tenantId(), r.id());
            outcome = "ready";
        } catch (RuntimeException e) {
            String reason = e instanceof app.phare.common.ProblemException ? e.getMessage()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.errorf(e, "report %d failed", r.id());
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, reason);
            fail(r, reason);
            notifyRequesters(r, false, reason);
        } finally {
            span.end();
            metrics.reportGenerated(r.spec().type(), r.spec().format(), outcome, java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void progress(long id, String stage, int percent) {
        update("UPDATE report SET stage = ?, progress = ?, heartbeat_at = now() WHERE id = ? AND status = 'running'",
                stage, Math.max(0, Math.min(100, percent)), id);
    }

    private void finish(Claimed r, RenderedReport file) {
        update("""
                UPDATE report SET status = 'ready', stage = 'ready', progress = 100, file_name = ?, content_type = ?, bytes = ?,
                                  ready_at = now(), expires_at = now() + make_interval(days => ?), error = NULL
                WHERE id = ?""", file.fileName(), file.contentType(), (long) file.bytes().length, config.retentionDays(), r.id());
    }

    private void fail(Claimed r, String reason) {
        update("UPDATE report SET status = 'failed', stage = 'failed', error = ? WHERE id = ?",
                reason.length() > 2000 ? reason.substring(0, 2000) : reason, r.id());
    }

    private void notifyRequesters(Claimed r, boolean ready, String reason) {
        List<String> emails = new ArrayList<>();
        java.util.Set<String> delivered = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE report_requester SET notified = true WHERE report_id = ? AND NOT notified RETURNING email, attach")) {
            ps.setLong(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                    if (ready && rs.getBoolean(2)) {
                        delivered.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.errorf("could not read who asked for report %d: %s", r.id(), e.getMessage());
        }
        String what = ReportTypes.label(r.spec().type()) + " " + r.spec().from() + " – " + r.spec().to() + " ("
                + r.spec().format().toUpperCase(java.util.Locale.ROOT) + ")";
        for (String email : emails) {
            if (ready) {
                notifications.notifyUser(r.tenantId(), email, "report-ready", "Report ready: " + what,
                        "Your report is ready to download.", "/reports/" + r.id() + "/file", delivered.contains(email));
            } else {
                notifications.notifyUser(r.tenantId(), email, "report-failed", "Report failed: " + what,
                        reason + " — open Reports to retry.", "/reports");
            }
        }
    }

    /**
     * Sends the file of a ready report, attached, to each requester who asked for a delivery (a subscription) and has
     * not had it yet.
     */
    public void deliver(long tenantId, long reportId) {
        List<String> emails = new ArrayList<>();
        String fileName;
        String contentType;
        String what;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE report_requester SET attach = false WHERE report_id = ? AND attach RETURNING email")) {
                ps.setLong(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        emails.add(rs.getString(1));
                    }
                }
            }
            if (emails.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT file_name, content_type, type, from_day, to_day FROM report WHERE id = ? AND status = 'ready'")) {
                ps.setLong(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    fileName = rs.getString(1);
                    contentType = rs.getString(2);
                    what = ReportTypes.label(rs.getString(3)) + " " + rs.getString(4) + " – " + rs.getString(5);
                }
            }
        } catch (SQLException e) {
            LOG.errorf("could not prepare the delivery of report %d: %s", reportId, e.getMessage());
            return;
        }
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(files.path(tenantId, reportId, fileName));
        } catch (java.io.IOException e) {
            LOG.errorf("report %d has no file to deliver: %s", reportId, e.getMessage());
            return;
        }
        for (String email : emails) {
            try {
                mailer.send(io.quarkus.mailer.Mail.withText(email, "[Phare] " + what,
                                "Your subscribed report is attached.\n\n" + phare.baseUrl() + "/reports/" + reportId + "/file")
                        .addAttachment(fileName, bytes, contentType));
            } catch (RuntimeException e) {
                LOG.errorf("could not send report %d to %s: %s", reportId, email, e.getMessage());
            }
        }
    }

    private void update(String sql, Object... args) {
        app.phare.common.db.Jdbc.execute(dataSource, sql, args);
    }
}
