package app.phare.jobs;

import app.phare.tenant.TenantScope;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** The audit trail of the tenant's jobs: written by the job service, read by the admin page and /api/audit. */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEvent> {

    /** The system itself (schedule, retries, recovery), as an actor. */
    public static final String SYSTEM = "system";

    /** An entry as the API and the page show it. */
    public record Entry(long id, Instant at, String actor, String action, String job, Long runId, String detail) {
    }

    /** Records an event for the tenant, in a transaction of its own. */
    public void record(long tenantId, String actor, String action, String job, Long runId, String detail) {
        TenantScope.runAs(tenantId, () -> QuarkusTransaction.requiringNew().run(() -> {
            AuditEvent e = new AuditEvent();
            e.tenantId = tenantId;
            e.actor = actor == null ? SYSTEM : actor;
            e.action = action;
            e.job = job;
            e.runId = runId;
            e.detail = detail;
            persist(e);
        }));
    }

    /** The latest entries of the tenant in scope, newest first. */
    public List<Entry> latest(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> find("order by id desc").page(0, limit).list().stream()
                .map(e -> new Entry(e.id, e.at, e.actor, e.action, e.job, e.runId, e.detail)).toList());
    }
}
