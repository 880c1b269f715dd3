package app.phare.pipeline;

import app.phare.common.PhareConfig;
import app.phare.tenant.TenantService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import java.util.Set;
import java.util.TimeZone;

/** Keeps one Quartz job per tenant with a cron trigger in the tenant's timezone, and fires it on demand. */
@ApplicationScoped
public class NightlySchedule {

    private static final String GROUP = "pipeline";

    @Inject
    Scheduler quartz;

    @Inject
    PhareConfig config;

    @Inject
    TenantService tenants;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        tenants.all().forEach(t -> schedule(t.id(), t.timezone()));
    }

    void onTenantCreated(@Observes TenantService.TenantCreated created) {
        schedule(created.tenantId(), created.timezone());
    }

    /** Creates or replaces the tenant's nightly job and its cron trigger. */
    public void schedule(long tenantId, String timezone) {
        JobDetail job = JobBuilder.newJob(NightlyJob.class)
                .withIdentity(jobKey(tenantId))
                .usingJobData(NightlyJob.TENANT_ID, Long.toString(tenantId))
                .storeDurably()
                .build();
        Trigger cron = TriggerBuilder.newTrigger()
                .withIdentity("nightly-cron-" + tenantId, GROUP)
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.pipeline().cron())
                        .inTimeZone(TimeZone.getTimeZone(timezone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            quartz.scheduleJob(job, Set.of(cron), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule the nightly run of tenant " + tenantId, e);
        }
    }

    /** Fires the tenant's job now for an already queued run. */
    public void fireNow(long tenantId, long runId) {
        JobDataMap data = new JobDataMap();
        data.put(NightlyJob.RUN_ID, Long.toString(runId));
        try {
            quartz.triggerJob(jobKey(tenantId), data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not start run " + runId, e);
        }
    }

    private static JobKey jobKey(long tenantId) {
        return JobKey.jobKey("nightly-" + tenantId, GROUP);
    }
}
