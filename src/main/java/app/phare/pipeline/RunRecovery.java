package app.phare.pipeline;

import app.phare.common.ProblemException;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs that a crash cut off and runs them again. A running run's instance holds an advisory lock on the run
 * for as long as it executes it; a run marked running whose lock anyone can take has lost its instance (killed,
 * powered off): it is marked interrupted and a recovery run of the same job starts, at start-up and then every
 * half minute, on whichever instance looks first. Its attempt's transaction died with the connection, so the
 * recovery run finds the same pending files and produces the same figures as an uninterrupted run.
 */
@ApplicationScoped
public class RunRecovery {

    private static final Logger LOG = Logger.getLogger(RunRecovery.class);

    /** A run found interrupted, and the run that retries it (null when another run was already under way). */
    public record RunInterrupted(long tenantId, String job, long runId, Long recoveryRunId) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PipelineService pipeline;

    @Inject
    NightlySchedule schedule;

    @Inject
    Event<RunInterrupted> interrupted;

    @Inject
    Event<PipelineService.RunEnded> ended;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        recover();
    }

    @Scheduled(every = "30s", delayed = "30s", identity = "run-recovery",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        recover();
    }

    private record Candidate(long runId, long tenantId, String job, String status, boolean dryRun, LocalDate from,
                             LocalDate to) {
    }

    /** Marks orphaned running runs interrupted and retries them; re-fires queued runs whose fire was lost. */
    public int recover() {
        return TenantScope.callAs(null, () -> {
            int recovered = 0;
            try (Connection c = dataSource.getConnection()) {
                for (Candidate run : candidates(c)) {
                    try {
                        recovered += recover(c, run);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "could not recover run %d of tenant %d", run.runId(), run.tenantId());
                    }
                }
            } catch (SQLException e) {
                LOG.error("could not look for interrupted runs", e);
            }
            return recovered;
        });
    }

    /** Recovers one candidate; 1 when it was an interrupted run now retried. */
    private int recover(Connection c, Candidate run) throws SQLException {
        if (!PipelineService.tryLock(c, run.runId())) {
            return 0; // executing on a live instance
        }
        boolean running = PipelineRun.RUNNING.equals(run.status());
        boolean orphaned;
        try {
            orphaned = running ? markInterrupted(c, run.runId()) : stillQueued(c, run.runId());
        } finally {
            PipelineService.unlock(c, run.runId());
        }
        if (!orphaned) {
            return 0;
        }
        if (running) {
            retry(run);
            return 1;
        }
        LOG.infof("run %d of tenant %d was queued but never started: firing it again", run.runId(), run.tenantId());
        schedule.fireNow(run.tenantId(), run.runId());
        return 0;
    }

    private void retry(Candidate run) {
        // an interrupted run counts as a failed one: a run that kills its instance every time pauses the job
        ended.fire(new PipelineService.RunEnded(run.tenantId(), run.job(), run.runId(), PipelineRun.INTERRUPTED, run.dryRun(),
                "interrupted: the application stopped during the run"));
        Long recovery = null;
        if (paused(run)) {
            LOG.warnf("run %d of tenant %d was interrupted; the job is paused, so no recovery run", run.runId(), run.tenantId());
            interrupted.fire(new RunInterrupted(run.tenantId(), run.job(), run.runId(), null));
            return;
        }
        try {
            recovery = pipeline.queue(run.tenantId(), run.job(), PipelineRun.BY_RECOVERY, null,
                    new PipelineService.Options(run.dryRun(), run.from(), run.to()), run.runId());
            schedule.fireNow(run.tenantId(), recovery);
            LOG.warnf("run %d of tenant %d was interrupted (its instance stopped during the run); run %d retries it",
                    run.runId(), run.tenantId(), recovery);
        } catch (ProblemException underWay) {
            LOG.warnf("run %d of tenant %d was interrupted; run %d is already under way", run.runId(), run.tenantId(),
                    underWay.runId());
        }
        interrupted.fire(new RunInterrupted(run.tenantId(), run.job(), run.runId(), recovery));
    }

    private boolean paused(Candidate run) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT paused FROM job_schedule WHERE tenant_id = ? AND job = ?")) {
            ps.setLong(1, run.tenantId());
            ps.setString(2, run.job());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<Candidate> candidates(Connection c) throws SQLException {
        List<Candidate> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, tenant_id, job, status, dry_run, from_day, to_day FROM pipeline_run
                WHERE status = 'running' OR (status = 'queued' AND queued_at < now() - interval '2 minutes')
                ORDER BY id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)));
            }
        }
        return result;
    }

    private static boolean markInterrupted(Connection c, long runId) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE pipeline_run SET status = 'interrupted', finished_at = now(),
                       error = 'interrupted: the application stopped during the run; a recovery run retries it'
                WHERE id IN (SELECT id FROM pipeline_run WHERE id = ? AND status = 'running' FOR UPDATE SKIP LOCKED)""")) {
            ps.setLong(1, runId);
            updated = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE run_attempt SET finished_at = now(), error = 'interrupted' WHERE run_id = ? AND finished_at IS NULL")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
        return updated == 1;
    }

    private static boolean stillQueued(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status = 'queued' FROM pipeline_run WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
