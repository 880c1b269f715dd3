package app.phare.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pipeline runs of the tenant in scope. */
@ApplicationScoped
public class PipelineRunRepository implements PanacheRepository<PipelineRun> {

    public List<PipelineRun> latest(int limit) {
        return find("order by id desc").page(0, limit).list();
    }

    /** When the last successful run finished: the "data as of" of every figure. */
    public Optional<Instant> lastSuccess() {
        return find("status = ?1 order by finishedAt desc", PipelineRun.SUCCEEDED).firstResultOptional()
                .map(r -> r.finishedAt);
    }
}
