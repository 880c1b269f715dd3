package app.phare.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Who did what to a job (triggered, paused, resumed, changed its schedule), or what the system did, and when. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(insertable = false, updatable = false)
    public Instant at;

    public String actor;

    public String action;

    public String job;

    @Column(name = "run_id")
    public Long runId;

    public String detail;
}
