package app.phare.pipeline;

import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz trigger of a tenant's nightly pipeline: fired by the tenant's cron schedule or on demand (with the id of
 * the run an admin requested). One job per tenant, never two at once across the cluster.
 */
@DisallowConcurrentExecution
public class NightlyJob implements Job {

    public static final String TENANT_ID = "tenantId";
    public static final String RUN_ID = "runId";

    @Inject
    PipelineService pipeline;

    @Override
    public void execute(JobExecutionContext context) {
        long tenantId = Long.parseLong(context.getMergedJobDataMap().getString(TENANT_ID));
        var triggerData = context.getTrigger().getJobDataMap();
        if (triggerData.containsKey(RUN_ID)) {
            pipeline.execute(Long.parseLong(triggerData.getString(RUN_ID)));
        } else {
            pipeline.execute(pipeline.queue(tenantId, "schedule", null));
        }
    }
}
