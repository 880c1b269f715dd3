package app.phare.jobs;

import app.phare.common.PhareConfig;
import app.phare.common.ProblemException;
import app.phare.notify.NotificationService;
import app.phare.pipeline.NightlyJob;
import app.phare.pipeline.NightlySchedule;
import app.phare.pipeline.PipelineRun;
import app.phare.pipeline.PipelineRunRepository;
import app.phare.pipeline.PipelineService;
import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import app.phare.tenant.TenantService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The tenant's scheduled jobs as an administrator steers them: their schedules (stored per tenant, applied to
 * Quartz), pause and resume, runs on demand (also dry runs and backfills), the audit trail of all of it, and the
 * job pausing itself after too many failed runs in a row.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);
    /** The jobs a tenant has; later features add theirs here. */
    public static final List<String> JOBS = List.of(PipelineService.NIGHTLY);
    /** Longest backfill range. */
    static final int MAX_BACKFILL_YEARS = 3;
    /** Fire times looked at for the shortest gap: enough to cover a day of every-quarter-hour fires. */
    private static final int GAP_SAMPLE = 200;

    @Inject
    PhareConfig config;

    @Inject
    NightlySchedule quartz;

    @Inject
    PipelineService pipeline;

    @Inject
    PipelineRunRepository runs;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantService tenantService;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @Inject
    TenantScope scope;

    @Inject
    jakarta.persistence.EntityManager em;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        tenantService.all().forEach(t -> ensureScheduled(t.id()));
    }

    void onTenantCreated(@Observes TenantService.TenantCreated created) {
        ensureScheduled(created.tenantId());
    }

    /** Creates the tenant's schedules with the defaults if missing, and makes Quartz follow them. */
    public void ensureScheduled(long tenantId) {
        TenantScope.runAs(tenantId, () -> {
            JobSchedule schedule = QuarkusTransaction.requiringNew().call(() -> {
                JobSchedule s = em.find(JobSchedule.class, new JobSchedule.Key(tenantId, PipelineService.NIGHTLY));
                if (s == null) {
                    s = new JobSchedule();
                    s.tenantId = tenantId;
                    s.job = PipelineService.NIGHTLY;
                    s.cron = config.pipeline().cron();
                    s.updatedAt = Instant.now();
                    em.persist(s);
                }
                return s;
            });
            quartz.ensure(tenantId, timezone(tenantId), schedule.cron, schedule.paused);
        });
    }

    /** The jobs of the tenant in scope. */
    public List<JobView> list() {
        return JOBS.stream().map(this::view).toList();
    }

    public JobView get(String job) {
        return view(known(job));
    }

    private JobView view(String job) {
        long tenantId = scope.requireTenant();
        return QuarkusTransaction.requiringNew().call(() -> {
            JobSchedule s = schedule(tenantId, job);
            String zone = timezone(tenantId);
            PipelineRun last = runs.find("job = ?1 and dryRun = false order by id desc", job).firstResult();
            return new JobView(job, s.cron, zone, CronText.describe(s.cron, zone), s.paused,
                    quartz.nextFire(tenantId).orElse(null), s.consecutiveFailures,
                    runs.active(job).map(r -> r.id).orElse(null),
                    last == null ? null : new JobView.LastRun(last.id, last.status, last.finishedAt));
        });
    }

    /** Queues a run of the job (a dry run, or a backfill when from and to are given) and starts it. */
    public long trigger(String job, boolean dryRun, LocalDate from, LocalDate to, String actor) {
        known(job);
        if ((from == null) != (to == null)) {
            throw ProblemException.badRequest(from == null ? "from" : "to", "a backfill needs both from and to");
        }
        if (from != null) {
            app.phare.common.QueryParams.plausible("from", from);
            app.phare.common.QueryParams.plausible("to", to);
            if (from.isAfter(to)) {
                throw ProblemException.badRequest("from", "from (" + from + ") is after to (" + to + ")");
            }
            if (to.isAfter(from.plusYears(MAX_BACKFILL_YEARS))) {
                throw ProblemException.badRequest("to", "a backfill covers at most " + MAX_BACKFILL_YEARS
                        + " years; split " + from + " … " + to + " into smaller ranges");
            }
            if (dryRun) {
                throw ProblemException.badRequest("dryRun", "a backfill cannot be a dry run");
            }
        }
        long tenantId = scope.requireTenant();
        long runId = pipeline.queue(tenantId, job, PipelineRun.BY_USER, actor,
                new PipelineService.Options(dryRun, from, to), null);
        String action = from != null ? "backfill" : dryRun ? "dry run" : "run now";
        audit.record(tenantId, actor, action, job, runId, from != null ? from + " … " + to : null);
        quartz.fireNow(tenantId, runId);
        return runId;
    }

    /** Pauses the job's schedule; says so when it already was. */
    public String pause(String job, String actor) {
        return setPaused(job, true, actor, "paused");
    }

    /** Resumes the job's schedule; says so when it was not paused. */
    public String resume(String job, String actor) {
        return setPaused(job, false, actor, "resumed");
    }

    private String setPaused(String job, boolean paused, String actor, String action) {
        known(job);
        long tenantId = scope.requireTenant();
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            JobSchedule s = schedule(tenantId, job);
            if (s.paused == paused) {
                return false;
            }
            s.paused = paused;
            if (!paused) {
                s.consecutiveFailures = 0;
            }
            s.updatedAt = Instant.now();
            s.updatedBy = actor;
            return true;
        });
        if (!changed) {
            return "job '" + job + "' is already " + (paused ? "paused" : "active (not paused)") + "; nothing changed";
        }
        ensureScheduled(tenantId);
        audit.record(tenantId, actor, action, job, null, null);
        return "job '" + job + "' " + action;
    }

    /** Changes the job's cron after checking it; 400 with the reason for an invalid one. */
    public JobView changeSchedule(String job, String cron, String actor) {
        known(job);
        long tenantId = scope.requireTenant();
        checkCron(cron, timezone(tenantId));
        String previous = QuarkusTransaction.requiringNew().call(() -> {
            JobSchedule s = schedule(tenantId, job);
            String before = s.cron;
            s.cron = cron.trim().toUpperCase(java.util.Locale.ROOT);
            s.updatedAt = Instant.now();
            s.updatedBy = actor;
            return before;
        });
        ensureScheduled(tenantId);
        audit.record(tenantId, actor, "schedule changed", job, null, previous + " → " + cron.trim().toUpperCase(java.util.Locale.ROOT));
        return view(job);
    }

    /** The next fire times of a cron in the tenant's timezone, or 400 with the reason it is invalid. */
    public List<Instant> preview(String cron, int count) {
        String zone = timezone(scope.requireTenant());
        checkCron(cron, zone);
        return NightlySchedule.nextFires(cron, zone, count);
    }

    /** 400 naming cron when it is invalid or would fire more often than phare.schedule.min-interval allows. */
    private void checkCron(String cron, String zone) {
        NightlySchedule.invalidCron(cron).ifPresent(reason -> {
            throw ProblemException.badRequest("cron", reason);
        });
        Duration allowed = config.schedule().minInterval();
        Duration shortest = shortestGap(NightlySchedule.nextFires(cron, zone, GAP_SAMPLE));
        if (shortest != null && shortest.compareTo(allowed) < 0) {
            throw ProblemException.badRequest("cron", "this schedule would run every " + CronText.every(shortest)
                    + "; the shortest allowed is " + CronText.amount(allowed));
        }
    }

    /** The shortest time between two consecutive fires, or null for fewer than two. */
    static Duration shortestGap(List<Instant> fires) {
        Duration shortest = null;
        for (int i = 1; i < fires.size(); i++) {
            Duration gap = Duration.between(fires.get(i - 1), fires.get(i));
            if (shortest == null || gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
        }
        return shortest;
    }

    /** Counts failed runs in a row; past the limit the job pauses itself and the tenant's admins are told. */
    void onRunEnded(@Observes PipelineService.RunEnded ended) {
        if (ended.dryRun()) {
            return;
        }
        long tenantId = ended.tenantId();
        int limit = config.pipeline().pauseAfterFailures();
        Integer failures = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            JobSchedule s = schedule(tenantId, ended.job());
            if (PipelineRun.SUCCEEDED.equals(ended.status())) {
                s.consecutiveFailures = 0;
                return 0;
            }
            s.consecutiveFailures++;
            if (s.consecutiveFailures >= limit && !s.paused) {
                s.paused = true;
                s.updatedAt = Instant.now();
                s.updatedBy = AuditLog.SYSTEM;
                return -s.consecutiveFailures; // negative: just paused
            }
            return s.consecutiveFailures;
        }));
        if (failures < 0) {
            int count = -failures;
            ensureScheduled(tenantId);
            String title = "Job '" + ended.job() + "' paused after " + count + " failed runs in a row";
            audit.record(tenantId, AuditLog.SYSTEM, "paused", ended.job(), ended.runId(),
                    "automatically, after " + count + " failed runs in a row");
            int notified = notifications.notifyAdmins(tenantId, "job-paused", title,
                    "The last run (" + ended.runId() + ") failed: " + ended.error()
                            + ". Fix the cause, then resume the job on the admin page.", "/admin/runs/" + ended.runId());
            LOG.warnf("tenant %d: %s; %d admin(s) notified", tenantId, title, notified);
        }
    }

    void onRunInterrupted(@Observes app.phare.pipeline.RunRecovery.RunInterrupted i) {
        audit.record(i.tenantId(), AuditLog.SYSTEM, "recovery", i.job(), i.runId(), i.recoveryRunId() == null
                ? "run " + i.runId() + " was interrupted; another run was already under way"
                : "run " + i.runId() + " was interrupted; run " + i.recoveryRunId() + " retries it");
    }

    void onFireSkipped(@Observes NightlyJob.FireSkipped skipped) {
        audit.record(skipped.tenantId(), AuditLog.SYSTEM, "schedule skipped", skipped.job(), skipped.runningRunId(),
                "run " + skipped.runningRunId() + " was still under way");
    }

    private JobSchedule schedule(long tenantId, String job) {
        JobSchedule s = em.find(JobSchedule.class, new JobSchedule.Key(tenantId, job));
        if (s == null) {
            throw new IllegalStateException("tenant " + tenantId + " has no schedule for job " + job);
        }
        return s;
    }

    private String timezone(long tenantId) {
        return TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(() -> {
            Tenant t = tenants.findById(tenantId);
            return t.timezone;
        }));
    }

    private static String known(String job) {
        if (!JOBS.contains(job)) {
            throw ProblemException.notFound("job '" + job + "'");
        }
        return job;
    }
}
