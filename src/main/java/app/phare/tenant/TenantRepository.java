package app.phare.tenant;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Tenants visible in the current scope (one tenant for users, all of them for system code). */
@ApplicationScoped
public class TenantRepository implements PanacheRepository<Tenant> {

    public Optional<Tenant> findByName(String name) {
        return find("lower(name) = ?1", name.trim().toLowerCase()).firstResultOptional();
    }
}
