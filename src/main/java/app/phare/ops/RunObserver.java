package app.phare.ops;

import app.phare.pipeline.RunExecution;
import app.phare.pipeline.RunView;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches each pipeline run: a trace span for the run with one child span per step (tenant, run id and job as
 * attributes and baggage), the step metrics, and the cost of the run — the application process's CPU time and the
 * database's statement time (all its sessions) between start and end — stored on the run.
 */
@ApplicationScoped
public class RunObserver {

    private static final Logger LOG = Logger.getLogger(RunObserver.class);

    /** One run being watched. */
    public final class Watch {
        final long runId;
        final Span span;
        final Scope scope;
        final long cpuNanos = processCpuNanos();
        final long dbMillis;
        volatile Span step;

        Watch(long runId, Span span, Scope scope, long dbMillis) {
            this.runId = runId;
            this.span = span;
            this.scope = scope;
            this.dbMillis = dbMillis;
        }
    }

    @Inject
    Tracer tracer;

    @Inject
    Metrics metrics;

    @Inject
    AgroalDataSource dataSource;

    private final Map<Long, Watch> watching = new ConcurrentHashMap<>();

    /** Starts watching a run on the executing thread; pair with {@link #end}. */
    public Watch begin(RunExecution.Work work) {
        Context context = Baggage.current().toBuilder().put(Tracing.TENANT, String.valueOf(work.tenantId()))
                .put(Tracing.RUN, String.valueOf(work.runId())).build().storeInContext(Context.current());
        Span span = tracer.spanBuilder("pipeline run " + work.job()).setParent(context)
                .setAttribute(Tracing.TENANT, work.tenantId()).setAttribute(Tracing.RUN, work.runId())
                .setAttribute("phare.job", work.job()).setAttribute("phare.dry_run", work.dryRun()).startSpan();
        Watch w = new Watch(work.runId(), span, span.storeInContext(context).makeCurrent(), databaseMillis());
        org.jboss.logging.MDC.put("tenant", String.valueOf(work.tenantId()));
        org.jboss.logging.MDC.put("runId", String.valueOf(work.runId()));
        if (span.getSpanContext().isValid()) {
            org.jboss.logging.MDC.put("traceId", span.getSpanContext().getTraceId());
        }
        watching.put(work.runId(), w);
        return w;
    }

    void onStep(@Observes RunExecution.StepStarting s) {
        Watch w = watching.get(s.runId());
        if (w == null) {
            return;
        }
        endStep(w);
        w.step = tracer.spanBuilder("pipeline step " + s.step()).setParent(Context.current().with(w.span))
                .setAttribute(Tracing.TENANT, s.tenantId()).setAttribute(Tracing.RUN, s.runId())
                .setAttribute("phare.step", s.step()).setAttribute("phare.attempt", s.attempt()).startSpan();
    }

    /** An attempt ended (error null: it succeeded): closes its last step span. */
    public void attemptEnded(Watch w, String error) {
        if (w.step != null && error != null) {
            w.step.setStatus(StatusCode.ERROR, error);
        }
        endStep(w);
    }

    /** The run ended: records its steps' metrics, its cost, and ends its span. */
    public void end(Watch w, String status, List<RunView.Step> steps) {
        try {
            endStep(w);
            if (steps != null) {
                for (RunView.Step s : steps) {
                    metrics.step(s.name(), s.rowsRead(), s.rowsRejected(), s.millis());
                }
            }
            metrics.runEnded(status);
            long cpu = (processCpuNanos() - w.cpuNanos) / 1_000_000;
            long db = Math.max(0, databaseMillis() - w.dbMillis);
            w.span.setAttribute("phare.cpu_ms", cpu).setAttribute("phare.db_ms", db).setAttribute("phare.status", status);
            if (!"succeeded".equals(status)) {
                w.span.setStatus(StatusCode.ERROR, status);
            }
            app.phare.common.db.Jdbc.execute(dataSource, "UPDATE pipeline_run SET cpu_millis = ?, db_millis = ? WHERE id = ?",
                    cpu, db, w.runId);
        } catch (RuntimeException e) {
            LOG.warnf("could not record the cost of run %d: %s", w.runId, e.getMessage());
        } finally {
            org.jboss.logging.MDC.remove("tenant");
            org.jboss.logging.MDC.remove("runId");
            org.jboss.logging.MDC.remove("traceId");
            watching.remove(w.runId);
            w.span.end();
            w.scope.close();
        }
    }

    private static void endStep(Watch w) {
        Span step = w.step;
        if (step != null) {
            step.end();
            w.step = null;
        }
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Milliseconds the database has spent executing statements since its statistics began (PostgreSQL 14+). */
    private long databaseMillis() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT coalesce(active_time, 0)::bigint FROM pg_stat_database WHERE datname = current_database()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }
}
