package app.phare.source;

import java.time.Duration;
import java.time.Instant;

/**
 * How fresh a source's data is: its last successful ingestion and a state by the source's thresholds — fresh, warn
 * (older than warnAfterHours) or error (older than errorAfterHours, never ingested, its latest file unreadable, or the
 * last run failed while files of it wait) — with the reason in words.
 */
public record Freshness(Instant lastSuccessAt, String state, String reason, int warnAfterHours, int errorAfterHours) {

    public static final String FRESH = "fresh", WARN = "warn", ERROR = "error";

    /** Facts about a source that decide its freshness. */
    record Facts(Instant lastSuccessAt, Instant lastFailureAt, boolean lastRunFailed, boolean pendingFiles) {
    }

    static Freshness of(Facts f, int warnHours, int errorHours, Instant now) {
        String state;
        String reason;
        if (f.lastSuccessAt() == null) {
            state = ERROR;
            reason = f.pendingFiles() ? "files wait for their first run" : "no file ingested yet";
        } else {
            long hours = Duration.between(f.lastSuccessAt(), now).toHours();
            String age = "last ingested " + (hours < 1 ? "less than an hour" : hours + " h") + " ago";
            if (f.lastFailureAt() != null && f.lastFailureAt().isAfter(f.lastSuccessAt())) {
                state = ERROR;
                reason = "its latest file could not be read; " + age;
            } else if (f.lastRunFailed() && f.pendingFiles()) {
                state = ERROR;
                reason = "the last run failed and its files wait; " + age;
            } else if (hours >= errorHours) {
                state = ERROR;
                reason = age + " (error after " + errorHours + " h)";
            } else if (hours >= warnHours) {
                state = WARN;
                reason = age + " (warning after " + warnHours + " h)";
            } else {
                state = FRESH;
                reason = age;
            }
        }
        return new Freshness(f.lastSuccessAt(), state, reason, warnHours, errorHours);
    }
}
