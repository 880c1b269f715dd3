package app.phare.pipeline;

import java.time.Instant;
import java.util.List;

/** A run as the API shows it, with its steps and the files it handled. */
public record RunView(long runId, String job, String status, String trigger, String requestedBy, Instant queuedAt,
                      Instant startedAt, Instant finishedAt, List<Step> steps, List<FileOutcome> files, String error) {

    /** One step of a run and the rows it moved. */
    public record Step(String name, long rowsRead, long rowsWritten, long rowsRejected, long millis) {
    }

    /** What became of one file in a run. */
    public record FileOutcome(long fileId, String status, String error) {
    }
}
