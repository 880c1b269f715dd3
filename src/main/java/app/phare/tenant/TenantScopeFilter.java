package app.phare.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Puts every HTTP request into the scope of the logged-in user's tenant; anonymous requests see no tenant. */
public class TenantScopeFilter {

    public static final String TENANT_ATTRIBUTE = "tenantId";

    @Inject
    SecurityIdentity identity;

    @Inject
    TenantScope scope;

    @ServerRequestFilter(preMatching = true)
    public void scopeToTenant() {
        Long tenant = identity.isAnonymous() ? null : identity.getAttribute(TENANT_ATTRIBUTE);
        scope.set(tenant == null ? TenantScope.NOBODY : tenant);
        if (tenant != null) {
            // the request's trace and its log lines say whose request it was
            io.opentelemetry.api.trace.Span.current().setAttribute(app.phare.ops.Tracing.TENANT, tenant);
            org.jboss.logging.MDC.put("tenant", String.valueOf(tenant));
        } else {
            org.jboss.logging.MDC.remove("tenant");
        }
    }
}
