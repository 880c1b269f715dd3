package app.phare.tenant;

import app.phare.common.Csrf;
import app.phare.common.PageContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/** The logged-in user and their tenant, as pages need them. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    TenantScope scope;

    @Inject
    TenantRepository tenants;

    @Inject
    Csrf csrf;

    private Tenant tenant;

    public Tenant tenant() {
        if (tenant == null) {
            long id = scope.requireTenant();
            tenant = QuarkusTransaction.requiringNew().call(() -> tenants.findById(id));
        }
        return tenant;
    }

    public String email() {
        return identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(AppUser.ADMIN);
    }

    public PageContext page(String active, HttpHeaders headers) {
        Tenant t = tenant();
        return new PageContext(t.name, email(), isAdmin(), csrf.token(headers), active, t.javaLocale());
    }
}
