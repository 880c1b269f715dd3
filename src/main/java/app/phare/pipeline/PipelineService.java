package app.phare.pipeline;

import app.phare.common.PhareConfig;
import app.phare.common.ProblemException;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs of a tenant's pipeline job, from queued to succeeded, failed or interrupted: never two of a job at once
 * (the database refuses a second active run), each attempt in one transaction (see {@link RunExecution}), a failed
 * attempt retried after an exponential back-off within the same run. While it executes, a run holds a PostgreSQL
 * advisory lock on a connection of its own: when the instance dies, the lock goes with it, which is how
 * {@link RunRecovery} tells a crashed run from a live one on any instance.
 */
@ApplicationScoped
public class PipelineService {

    private static final Logger LOG = Logger.getLogger(PipelineService.class);
    public static final String NIGHTLY = "nightly";
    /** Advisory lock namespace held by the instance executing a run (key: run id). */
    static final int RUN_LOCK = 7070003;

    /** What a run is asked to do besides the usual: only report (dry run), or re-derive a date range (backfill). */
    public record Options(boolean dryRun, LocalDate from, LocalDate to) {
        public static final Options NIGHTLY_RUN = new Options(false, null, null);
    }

    /** Fired when a run has ended (succeeded, failed or interrupted), after its outcome is committed. */
    public record RunEnded(long tenantId, String job, long runId, String status, boolean dryRun, String error) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    PipelineRunRepository runs;

    @Inject
    RunExecution execution;

    @Inject
    PhareConfig config;

    @Inject
    Event<RunEnded> ended;

    @Inject
    app.phare.ops.RunObserver observer;

    /**
     * Records a queued run of the tenant's job and returns its id, or refuses with 409 naming the run already queued
     * or running for that job.
     */
    public long queue(long tenantId, String job, String trigger, String requestedBy, Options options, Long retryOf) {
        for (int tries = 0; tries < 3; tries++) {
            Long id = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Number> inserted = em.createNativeQuery("""
                        INSERT INTO pipeline_run (tenant_id, job, status, trigger_kind, requested_by, dry_run, from_day, to_day, retry_of)
                        VALUES (?1, ?2, 'queued', ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (tenant_id, job) WHERE status IN ('queued', 'running') DO NOTHING
                        RETURNING id""")
                        .setParameter(1, tenantId).setParameter(2, job).setParameter(3, trigger)
                        .setParameter(4, requestedBy).setParameter(5, options.dryRun())
                        .setParameter(6, options.from()).setParameter(7, options.to())
                        .setParameter(8, retryOf).getResultList();
                return inserted.isEmpty() ? null : inserted.get(0).longValue();
            }));
            if (id != null) {
                return id;
            }
            Long active = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() ->
                    runs.active(job).map(r -> r.id).orElse(null)));
            if (active != null) {
                throw ProblemException.runUnderWay(job, active);
            }
            // the active run ended meanwhile: try again
        }
        throw new IllegalStateException("could not queue a run of job " + job + " for tenant " + tenantId);
    }

    /** Executes a queued run; a run that is not queued any more (already taken, or ended) is left alone. */
    public void execute(long runId) {
        TenantScope.runAs(null, () -> {
            try (Connection guard = dataSource.getConnection()) {
                if (!tryLock(guard, runId)) {
                    return; // another instance executes it
                }
                try {
                    executeLocked(runId);
                } finally {
                    unlock(guard, runId);
                }
            } catch (SQLException e) {
                LOG.errorf(e, "run %d could not start", runId);
            }
        });
    }

    private void executeLocked(long runId) {
        RunExecution.Work work = execution.start(runId);
        if (work == null) {
            return;
        }
        app.phare.ops.RunObserver.Watch watch = observer.begin(work);
        String[] status = {PipelineRun.INTERRUPTED};
        List<RunView.Step>[] done = new List[]{null};
        try {
            executeAttempts(runId, work, watch, status, done);
        } finally {
            observer.end(watch, status[0], done[0]);
        }
    }

    private void executeAttempts(long runId, RunExecution.Work work, app.phare.ops.RunObserver.Watch watch, String[] status,
                                 List<RunView.Step>[] done) {
        int attempts = Math.max(1, config.pipeline().attempts());
        for (int attempt = 1; ; attempt++) {
            execution.attemptStarted(work, attempt);
            List<RunView.Step> steps;
            try {
                if (execution.pull(work)) {
                    work = execution.reload(work);
                }
                steps = execution.attempt(work, attempt);
            } catch (RunExecution.RunTakenOver e) {
                LOG.warn(e.getMessage());
                execution.attemptEnded(work, attempt, e.getMessage());
                observer.attemptEnded(watch, e.getMessage());
                return;
            } catch (Throwable e) {
                String error = describe(e);
                execution.attemptEnded(work, attempt, error);
                observer.attemptEnded(watch, error);
                if (attempt >= attempts || e instanceof Error) {
                    LOG.errorf(e, "run %d of tenant %d failed after %d attempt(s)", runId, work.tenantId(), attempt);
                    execution.fail(runId, attempts == 1 ? error : "failed " + attempt + " times; last error: " + error);
                    status[0] = PipelineRun.FAILED;
                    ended.fire(new RunEnded(work.tenantId(), work.job(), runId, PipelineRun.FAILED, work.dryRun(), error));
                    return;
                }
                Duration wait = backoff(attempt);
                LOG.warnf("run %d of tenant %d, attempt %d failed (%s); retrying in %s", runId, work.tenantId(), attempt,
                        error, wait);
                LockSupport.parkNanos(wait.toNanos());
                work = execution.reload(work);
                continue;
            }
            // committed: what follows is bookkeeping, never a reason to run the attempt again
            LOG.infof("run %d of tenant %d succeeded: %s", runId, work.tenantId(), steps);
            status[0] = PipelineRun.SUCCEEDED;
            done[0] = steps;
            observer.attemptEnded(watch, null);
            try {
                execution.attemptEnded(work, attempt, null);
                ended.fire(new RunEnded(work.tenantId(), work.job(), runId, PipelineRun.SUCCEEDED, work.dryRun(), null));
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %d succeeded, but its bookkeeping failed", runId);
            }
            return;
        }
    }

    /** The wait after the given failed attempt: backoff × multiplier^(attempt-1), at most max-backoff. */
    Duration backoff(int attempt) {
        PhareConfig.Pipeline p = config.pipeline();
        double millis = p.backoff().toMillis() * Math.pow(p.backoffMultiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, p.maxBackoff().toMillis()));
    }

    static boolean tryLock(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, RUN_LOCK);
            ps.setInt(2, (int) runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void unlock(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, RUN_LOCK);
            ps.setInt(2, (int) runId);
            ps.execute();
        }
    }

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            String message = FileFailures.withoutPaths(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            if (b.indexOf(message) >= 0) {
                continue;
            }
            b.append(b.isEmpty() ? "" : " — caused by: ").append(message);
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }
}
