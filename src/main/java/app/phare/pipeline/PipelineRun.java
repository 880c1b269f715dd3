package app.phare.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One execution of a tenant's pipeline, from queued to succeeded or failed. */
@Entity
@Table(name = "pipeline_run")
public class PipelineRun {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    /** What started a run. */
    public static final String BY_USER = "user", BY_SCHEDULE = "schedule", BY_RETRY = "retry", BY_RECOVERY = "recovery";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    public String job;

    public String status;

    @Column(name = "trigger_kind")
    public String triggerKind;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "queued_at", insertable = false, updatable = false)
    public Instant queuedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    @Column(name = "dry_run")
    public boolean dryRun;

    /** Process CPU and database statement time while the run ran (see app.phare.ops.RunObserver); null before it ends. */
    @Column(name = "cpu_millis", insertable = false, updatable = false)
    public Long cpuMillis;

    @Column(name = "db_millis", insertable = false, updatable = false)
    public Long dbMillis;

    @Column(name = "from_day")
    public java.time.LocalDate fromDay;

    @Column(name = "to_day")
    public java.time.LocalDate toDay;

    @Column(name = "retry_of")
    public Long retryOf;

    public int attempts;

    /** The instance (host and process) that executed the run. */
    @Column(name = "executed_by")
    public String executedBy;

    /** This instance, as runs record it. */
    public static final String THIS_INSTANCE = instance();

    private static String instance() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** Whether this run re-derives the aggregates of a date range instead of ingesting files. */
    public boolean backfill() {
        return fromDay != null;
    }

    public boolean active() {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }
}
