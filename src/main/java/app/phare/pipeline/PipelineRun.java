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
}
