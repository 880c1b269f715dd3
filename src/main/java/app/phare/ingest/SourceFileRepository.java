package app.phare.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Uploaded files of the tenant in scope. */
@ApplicationScoped
public class SourceFileRepository implements PanacheRepository<SourceFile> {

    public Optional<SourceFile> findBySha(long sourceId, String sha256) {
        return find("sourceId = ?1 and sha256 = ?2", sourceId, sha256).firstResultOptional();
    }

    public List<SourceFile> listBySource(long sourceId) {
        return list("sourceId = ?1 order by id desc", sourceId);
    }
}
