package app.phare.dashboard;

import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Inject
    SalesReportCache cache;

    @Inject
    ObjectMapper json;

    /** The answer to q as the JSON of a {@link SalesReport}. */
    public byte[] reportJson(SalesQuery q) {
        long tenant = scope.requireTenant();
        return cache.get(tenant, q, () -> {
            SalesReport report = QuarkusTransaction.requiringNew().call(() -> metrics.report(tenant, q));
            try {
                return json.writeValueAsBytes(report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write a sales report as JSON", e);
            }
        });
    }
}
