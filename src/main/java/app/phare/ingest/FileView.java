package app.phare.ingest;

import java.time.Instant;

/** An uploaded file as the API shows it. */
public record FileView(long fileId, long sourceId, String sha256, long sizeBytes, String name, String status,
                       String error, Instant uploadedAt, Instant processedAt, Long runId) {

    static FileView of(SourceFile f) {
        return new FileView(f.id, f.sourceId, f.sha256, f.sizeBytes, f.originalName, f.status, f.error,
                f.uploadedAt, f.processedAt, f.runId);
    }
}
