package app.phare.jobs;

import java.time.Instant;

/** A job as the API and the admin page show it: its schedule (also in words), next fire and last run. */
public record JobView(String job, String cron, String timezone, String schedule, boolean paused, Instant nextFireAt,
                      int consecutiveFailures, Long activeRunId, LastRun lastRun) {

    /** The job's latest run (dry runs aside). */
    public record LastRun(long runId, String status, Instant finishedAt) {
    }
}
