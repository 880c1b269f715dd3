package app.phare.pipeline;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

/**
 * Keeps one Quartz job per tenant with a cron trigger in the tenant's timezone (in Quartz's clustered store, so each
 * fire runs on exactly one instance), pauses and resumes it, and fires it on demand.
 */
@ApplicationScoped
public class NightlySchedule {

    private static final String GROUP = "pipeline";

    @Inject
    Scheduler quartz;

    /**
     * Makes the tenant's trigger follow this cron, timezone and pause state. An unchanged trigger is left alone, so
     * that a fire missed while the application was down is still due (and runs once) when it comes back.
     */
    public void ensure(long tenantId, String timezone, String cron, boolean paused) {
        try {
            Trigger existing = quartz.getTrigger(triggerKey(tenantId));
            boolean same = existing instanceof CronTrigger c && c.getCronExpression().equalsIgnoreCase(cron.trim())
                    && c.getTimeZone().getID().equals(timezone) && quartz.checkExists(jobKey(tenantId));
            if (!same) {
                JobDetail job = JobBuilder.newJob(NightlyJob.class)
                        .withIdentity(jobKey(tenantId))
                        .usingJobData(NightlyJob.TENANT_ID, Long.toString(tenantId))
                        .storeDurably()
                        .build();
                // Quartz's first fire of a cron trigger is the first match after its start minus one second: starting
                // a second from now, a schedule saved just after one of its own fire times does not fire at once
                Trigger trigger = TriggerBuilder.newTrigger()
                        .withIdentity(triggerKey(tenantId))
                        .forJob(job)
                        .startAt(new java.util.Date(System.currentTimeMillis() + 1000))
                        .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                                .inTimeZone(TimeZone.getTimeZone(timezone))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build();
                quartz.scheduleJob(job, Set.of(trigger), true);
            }
            Trigger.TriggerState state = quartz.getTriggerState(triggerKey(tenantId));
            if (paused && state != Trigger.TriggerState.PAUSED) {
                quartz.pauseTrigger(triggerKey(tenantId));
            } else if (!paused && state == Trigger.TriggerState.PAUSED) {
                quartz.resumeTrigger(triggerKey(tenantId));
            }
        } catch (SchedulerException | RuntimeException e) {
            throw new IllegalStateException("could not schedule the nightly run of tenant " + tenantId, e);
        }
    }

    /** When the tenant's schedule fires next (none while paused). */
    public Optional<Instant> nextFire(long tenantId) {
        try {
            Trigger trigger = quartz.getTrigger(triggerKey(tenantId));
            if (trigger == null || quartz.getTriggerState(triggerKey(tenantId)) == Trigger.TriggerState.PAUSED
                    || trigger.getNextFireTime() == null) {
                return Optional.empty();
            }
            return Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the schedule of tenant " + tenantId, e);
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

    /** Checks a Quartz cron expression; the reason it is invalid, or empty when it is valid. */
    public static Optional<String> invalidCron(String cron) {
        if (cron == null || cron.isBlank()) {
            return Optional.of("the cron expression is empty");
        }
        try {
            CronExpression.validateExpression(cron.trim());
            Optional<String> outOfRange = outOfRange(cron.trim());
            if (outOfRange.isPresent()) {
                return outOfRange;
            }
            if (new CronExpression(cron.trim()).getNextValidTimeAfter(new java.util.Date()) == null) {
                return Optional.of("'" + cron.trim() + "' never fires again");
            }
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of("'" + cron.trim() + "' is not a valid Quartz cron expression: " + e.getMessage()
                    + " (six or seven fields: second minute hour day-of-month month day-of-week [year],"
                    + " e.g. 0 0 2 * * ? for every day at 02:00)");
        }
    }

    private static final String[] FIELDS = {"second", "minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}};

    /** Quartz accepts some numbers outside their field's range (minute 99); Phare does not. */
    private static Optional<String> outOfRange(String cron) {
        String[] fields = cron.split("\\s+");
        for (int i = 0; i < Math.min(fields.length, FIELDS.length); i++) {
            for (String token : fields[i].split("[,\\-/#]")) {
                if (token.matches("\\d+")) {
                    int n = Integer.parseInt(token);
                    boolean step = fields[i].contains("/" + token);
                    if ((step && (n < 1 || n > RANGES[i][1])) || (!step && (n < RANGES[i][0] || n > RANGES[i][1]))) {
                        return Optional.of("'" + cron + "': " + n + " is not a valid " + FIELDS[i] + " (" + RANGES[i][0]
                                + "–" + RANGES[i][1] + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The next fire times of a valid cron in a timezone. */
    public static java.util.List<Instant> nextFires(String cron, String timezone, int count) {
        try {
            CronExpression expression = new CronExpression(cron.trim());
            expression.setTimeZone(TimeZone.getTimeZone(timezone));
            java.util.List<Instant> fires = new java.util.ArrayList<>();
            java.util.Date at = new java.util.Date();
            for (int i = 0; i < count; i++) {
                at = expression.getNextValidTimeAfter(at);
                if (at == null) {
                    break;
                }
                fires.add(at.toInstant());
            }
            return fires;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JobKey jobKey(long tenantId) {
        return JobKey.jobKey("nightly-" + tenantId, GROUP);
    }

    private static TriggerKey triggerKey(long tenantId) {
        return TriggerKey.triggerKey("nightly-cron-" + tenantId, GROUP);
    }
}
