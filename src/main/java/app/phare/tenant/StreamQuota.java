package app.phare.tenant;

import app.phare.common.PhareConfig;
import app.phare.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the Server-Sent Events streams one user (or API client) has open at once, pages and API together
 * (PHARE_SSE_MAX_PER_USER): one more is refused with 429. A stream counts until its connection closes.
 */
@ApplicationScoped
public class StreamQuota {

    @Inject
    PhareConfig config;

    @Inject
    SecurityIdentity identity;

    private final Map<String, Set<SseEventSink>> open = new ConcurrentHashMap<>();

    /** Counts the stream about to open for the current user, or refuses it with 429. */
    public void admit(SseEventSink sink) {
        String who = identity.getPrincipal().getName();
        int max = config.sse().maxPerUser();
        Set<SseEventSink> mine = open.computeIfAbsent(who, w -> ConcurrentHashMap.newKeySet());
        synchronized (mine) {
            mine.removeIf(SseEventSink::isClosed);
            if (mine.size() >= max) {
                throw new ProblemException(429, "Too many open streams", "you already have " + max
                        + " live streams open (tabs or clients); close one and try again", null);
            }
            mine.add(sink);
        }
    }

    /** Streams the user has open now (for tests and the operations figures). */
    public int openBy(String who) {
        Set<SseEventSink> mine = open.get(who);
        if (mine == null) {
            return 0;
        }
        mine.removeIf(SseEventSink::isClosed);
        return mine.size();
    }
}
