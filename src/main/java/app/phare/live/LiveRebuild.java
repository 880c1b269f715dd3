package app.phare.live;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the live memory at start from what is stored: the last days' events (counters, carts, the fraud check's
 * history), the reconciled days, the abandoned carts. Nothing counted before a crash is lost, nothing twice.
 */
@ApplicationScoped
@app.phare.tenant.SystemWork // rebuilds every tenant's live memory from the stored events
public class LiveRebuild {

    private static final Logger LOG = Logger.getLogger(LiveRebuild.class);
    private static final int CHUNK = 2000;

    @Inject
    EventStore store;

    @Inject
    Instance<LiveListener> listeners;

    @Inject
    LiveCounters counters;

    @Inject
    CartTracker carts;

    @Inject
    Reconciliation reconciliation;

    @Inject
    LiveStream stream;

    // after the messaging channels are wired (they start at LIBRARY_BEFORE)
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        rebuild();
    }

    void rebuild() {
        long t0 = System.nanoTime();
        Instant began = Instant.now();
        Instant recent = began.minus(Duration.ofMinutes(1));
        LocalDate since = LocalDate.now().minusDays(LiveCounters.KEPT_DAYS + 1);
        Set<String> replayedRecently = new HashSet<>();
        List<LiveEvent> chunk = new ArrayList<>(CHUNK);
        long[] tenant = {-1};
        long[] count = {0};
        store.replay(since, s -> {
            if (s.tenantId() != tenant[0] || chunk.size() == CHUNK) {
                flush(tenant[0], chunk);
                tenant[0] = s.tenantId();
            }
            chunk.add(s.event());
            count[0]++;
            if (s.receivedAt().isAfter(recent)) {
                replayedRecently.add(s.tenantId() + "/" + s.event().eventId());
            }
        });
        flush(tenant[0], chunk);
        List<Long> tenants = new ArrayList<>();
        List<Reconciliation.Day> days = reconciliation.since(since, tenants);
        for (int i = 0; i < days.size(); i++) {
            counters.onReconciled(tenants.get(i), List.of(days.get(i)));
        }
        carts.restore();
        stream.open(replayedRecently);
        CompletableFuture.delayedExecutor(70, TimeUnit.SECONDS).execute(stream::forgetReplayed);
        LOG.infof("live memory rebuilt from %d stored events and %d reconciled days in %d ms", count[0], days.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void flush(long tenantId, List<LiveEvent> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<LiveEvent> events = List.copyOf(chunk);
        for (LiveListener l : listeners) {
            l.onEvents(tenantId, events, true);
        }
        chunk.clear();
    }
}
