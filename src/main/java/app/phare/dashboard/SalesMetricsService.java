package app.phare.dashboard;

import app.phare.pipeline.PipelineRunRepository;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers sales questions for the tenant in scope from the pre-aggregated tables. */
@ApplicationScoped
public class SalesMetricsService {

    @Inject
    SalesMetricsRepository metrics;

    @Inject
    TenantRepository tenants;

    @Inject
    PipelineRunRepository runs;

    @Inject
    TenantScope scope;

    public SalesReport report(SalesQuery q) {
        long tenant = scope.requireTenant();
        return QuarkusTransaction.requiringNew().call(() -> new SalesReport(q.from(), q.to(), q.grain().name(),
                tenants.findById(tenant).currency, runs.lastSuccess().orElse(null), metrics.rows(tenant, q)));
    }
}
