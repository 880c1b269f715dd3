package app.phare.aggregate;

import app.phare.live.LiveEvent;
import app.phare.live.LiveListener;
import app.phare.live.LiveMessage;
import app.phare.live.LiveStream;
import app.phare.pipeline.PipelineService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of each tenant's aggregated figures as this instance knows it: it changes when a run of one of the
 * tenant's jobs ends, here at once (before anything else observes the end), on the other instances through the live
 * channel. Answers cached from the aggregates are kept under the version they were read at, so a run's new figures
 * are never hidden by an answer cached before them.
 */
@ApplicationScoped
public class FiguresVersion implements LiveListener {

    private static final Logger LOG = Logger.getLogger(FiguresVersion.class);

    private final Map<Long, Long> versions = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    @Inject
    LiveStream stream;

    /** The tenant's current version; read it before reading the aggregates whose answer is kept under it. */
    public long of(long tenantId) {
        return versions.getOrDefault(tenantId, 0L);
    }

    void onRunEnded(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) PipelineService.RunEnded ended) {
        if (ended.dryRun()) {
            return;
        }
        changed(ended.tenantId());
    }

    /** The tenant's figures changed (a run, an archived source): here at once, on the other instances by message. */
    public void changed(long tenantId) {
        bump(tenantId);
        try {
            stream.publish(LiveMessage.figuresChanged(tenantId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not tell the other instances that the figures of tenant %d changed", tenantId);
        }
    }

    @Override
    public void onEvents(long tenantId, List<LiveEvent> events, boolean replay) {
        // live events do not change the aggregates
    }

    @Override
    public void onFiguresChanged(long tenantId) {
        bump(tenantId);
    }

    private void bump(long tenantId) {
        versions.put(tenantId, clock.incrementAndGet());
    }
}
