package app.phare.source;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Sources of the tenant in scope. */
@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    /** The sources in use (active or paused), by name. */
    public List<Source> listByName() {
        return list("status <> ?1 order by lower(name)", SourceStatus.archived);
    }

    public List<Source> listArchived() {
        return list("status = ?1 order by archivedAt desc", SourceStatus.archived);
    }

    /** The source in use with this name (an archived source's name is free again). */
    public Optional<Source> findByName(String name) {
        return find("lower(name) = ?1 and status <> ?2", name.trim().toLowerCase(), SourceStatus.archived).firstResultOptional();
    }
}
