package app.phare.pipeline;

import java.time.Instant;
import java.util.List;

/** A run as the API shows it, with its steps and the files it handled. */
public record RunView(long runId, String job, String status, String trigger, String requestedBy, Instant queuedAt,
                      Instant startedAt, Instant finishedAt, List<Step> steps, List<FileOutcome> files, String error) {

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

    /** One step of a run and the rows it moved. */
    public record Step(String name, long rowsRead, long rowsWritten, long rowsRejected, long millis) {
    }

    /** What became of one file in a run. */
    public record FileOutcome(long fileId, String status, String error) {
    }
}
