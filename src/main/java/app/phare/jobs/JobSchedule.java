package app.phare.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A tenant's schedule of one job: its cron (in the tenant's timezone), whether it is paused, its failure streak. */
@Entity
@Table(name = "job_schedule")
@IdClass(JobSchedule.Key.class)
public class JobSchedule {

    @Id
    @Column(name = "tenant_id")
    public Long tenantId;

    @Id
    public String job;

    public String cron;

    public boolean paused;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The primary key. */
    public static class Key implements Serializable {
        public Long tenantId;
        public String job;

        public Key() {
        }

        public Key(Long tenantId, String job) {
            this.tenantId = tenantId;
            this.job = job;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(job, k.job);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, job);
        }
    }
}
