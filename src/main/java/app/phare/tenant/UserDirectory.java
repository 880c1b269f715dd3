package app.phare.tenant;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Looks users up across tenants by e-mail, for login only (runs as trusted system code, outside any tenant). */
@ApplicationScoped
public class UserDirectory implements PanacheRepository<AppUser> {

    public Optional<AppUser> findByEmail(String email) {
        return TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(
                () -> find("lower(email) = ?1", email.trim().toLowerCase()).firstResultOptional()));
    }
}
