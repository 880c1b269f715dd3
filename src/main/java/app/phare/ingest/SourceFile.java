package app.phare.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One uploaded export, stored on disk, waiting for (or done with) the nightly pipeline. */
@Entity
@Table(name = "source_file")
public class SourceFile {

    public static final String PENDING = "pending";
    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";
    /** An admin set the file aside before any run loaded it. */
    public static final String DISCARDED = "discarded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "source_id")
    public Long sourceId;

    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "original_name")
    public String originalName;

    @Column(name = "storage_path")
    public String storagePath;

    public String status;

    public String error;

    @Column(name = "uploaded_at", insertable = false, updatable = false)
    public Instant uploadedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "run_id")
    public Long runId;

    /** For a pulled file: the cursor its records reach. */
    @Column(name = "pull_cursor")
    public String pullCursor;
}
