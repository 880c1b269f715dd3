package app.phare.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A run as the API and the pages show it: what triggered it and who, its steps, the files it handled (for a dry run,
 * what it found in each), its attempts, the days it changed (or would change), and its error.
 */
public record RunView(long runId, String job, String status, String trigger, String triggeredBy, boolean dryRun,
                      LocalDate from, LocalDate to, Long retryOf, Instant queuedAt, Instant startedAt,
                      Instant finishedAt, String executedBy, List<Step> steps, List<FileOutcome> files, List<Attempt> attempts,
                      ChangedDays changedDays, String error, Long cpuMillis, Long dbMillis) {

    /** CPU seconds of the application while the run ran, one decimal; null before it ends. */
    public String cpuSeconds() {
        return cpuMillis == null ? null : String.format(java.util.Locale.ROOT, "%.1f", cpuMillis / 1000.0);
    }

    /** Seconds the database spent executing statements while the run ran, one decimal; null before it ends. */
    public String dbSeconds() {
        return dbMillis == null ? null : String.format(java.util.Locale.ROOT, "%.1f", dbMillis / 1000.0);
    }

    /** Who asked for the run (the foundation's name for triggeredBy). */
    @com.fasterxml.jackson.annotation.JsonProperty("requestedBy")
    public String requestedBy() {
        return triggeredBy;
    }

    /** How long the run took, in seconds with one decimal, or null while it is not finished. */
    public String seconds() {
        if (startedAt == null || finishedAt == null) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%.1f", java.time.Duration.between(startedAt, finishedAt).toMillis() / 1000.0);
    }

    /** How many of the run's files could not be read. */
    public long failedFiles() {
        return files.stream().filter(f -> "failed".equals(f.status())).count();
    }

    /** What kind of run: "nightly", "dry run" or "backfill". */
    public String kind() {
        return from != null ? "backfill" : dryRun ? "dry run" : "nightly";
    }

    /** One step of a run and the rows it moved. */
    public record Step(String name, long rowsRead, long rowsWritten, long rowsRejected, long millis) {
    }

    /**
     * What became of one file in a run. For a dry run: lines read, that would be loaded, rejected (with the reasons
     * and their counts) and dropped as duplicates, and the days the file covers.
     */
    public record FileOutcome(long fileId, String fileName, String status, String error, Long linesRead, Long linesLoaded,
                              Long linesRejected, Long duplicates, LocalDate firstDay, LocalDate lastDay, Integer days,
                              Map<String, Long> rejectReasons) {
    }

    /** One attempt of the run: a failed one was retried after a back-off. */
    public record Attempt(int attempt, Instant startedAt, Instant finishedAt, String error) {
    }

    /** The days a run changed: how many, the first and the last, and the list as ranges ("2011-11-01 … 2011-11-30"). */
    public record ChangedDays(int count, LocalDate first, LocalDate last, List<String> ranges) {

        static ChangedDays of(List<LocalDate> days) {
            if (days == null || days.isEmpty()) {
                return new ChangedDays(0, null, null, List.of());
            }
            List<LocalDate> sorted = days.stream().sorted().toList();
            List<String> ranges = new java.util.ArrayList<>();
            LocalDate start = sorted.get(0), prev = start;
            for (LocalDate d : sorted.subList(1, sorted.size())) {
                if (!d.equals(prev.plusDays(1))) {
                    ranges.add(range(start, prev));
                    start = d;
                }
                prev = d;
            }
            ranges.add(range(start, prev));
            return new ChangedDays(sorted.size(), sorted.get(0), prev, ranges);
        }

        private static String range(LocalDate a, LocalDate b) {
            return a.equals(b) ? a.toString() : a + " … " + b;
        }
    }
}
