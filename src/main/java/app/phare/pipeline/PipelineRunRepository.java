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

    /** The job's run that is queued or running, if any. */
    public Optional<PipelineRun> active(String job) {
        return find("job = ?1 and status in (?2, ?3)", job, PipelineRun.QUEUED, PipelineRun.RUNNING).firstResultOptional();
    }

    /** When the last successful run finished: the "data as of" of every figure. */
    public Optional<Instant> lastSuccess() {
        return find("status = ?1 and dryRun = false and fromDay is null order by finishedAt desc", PipelineRun.SUCCEEDED).firstResultOptional()
                .map(r -> r.finishedAt);
    }
}
