package app.phare.pipeline;

import app.phare.common.ProblemException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz trigger of a tenant's nightly pipeline: fired by the tenant's cron schedule (on one instance of the
 * cluster), or on demand with the id of a run already queued. A scheduled fire while a run of the job is queued or
 * running is skipped, not stacked.
 */
public class NightlyJob implements Job {

    private static final Logger LOG = Logger.getLogger(NightlyJob.class);
    public static final String TENANT_ID = "tenantId";
    public static final String RUN_ID = "runId";

    /** A scheduled fire that found a run of the job under way. */
    public record FireSkipped(long tenantId, String job, long runningRunId) {
    }

    @Inject
    PipelineService pipeline;

    @Inject
    Event<FireSkipped> skipped;

    @Override
    public void execute(JobExecutionContext context) {
        long tenantId = Long.parseLong(context.getMergedJobDataMap().getString(TENANT_ID));
        var triggerData = context.getTrigger().getJobDataMap();
        if (triggerData.containsKey(RUN_ID)) {
            pipeline.execute(Long.parseLong(triggerData.getString(RUN_ID)));
            return;
        }
        long runId;
        try {
            runId = pipeline.queue(tenantId, PipelineService.NIGHTLY, PipelineRun.BY_SCHEDULE, null,
                    PipelineService.Options.NIGHTLY_RUN, null);
        } catch (ProblemException underWay) {
            LOG.infof("tenant %d: scheduled run skipped, run %d is still under way", tenantId, underWay.runId());
            skipped.fire(new FireSkipped(tenantId, PipelineService.NIGHTLY, underWay.runId()));
            return;
        }
        pipeline.execute(runId);
    }
}
