package app.phare.dashboard;

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
    TenantScope scope;

    public SalesReport report(SalesQuery q) {
        long tenant = scope.requireTenant();
        return QuarkusTransaction.requiringNew().call(() -> metrics.report(tenant, q));
    }
}
