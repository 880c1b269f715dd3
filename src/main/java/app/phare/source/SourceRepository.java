package app.phare.source;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Sources of the tenant in scope. */
@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    public List<Source> listByName() {
        return list("order by lower(name)");
    }

    public Optional<Source> findByName(String name) {
        return find("lower(name) = ?1", name.trim().toLowerCase()).firstResultOptional();
    }
}
