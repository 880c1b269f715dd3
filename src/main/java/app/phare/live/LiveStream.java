package app.phare.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The live channel: stored events (and reconciled days) go out on {@code live-out} and come back on {@code live-in},
 * in-process by default ({@link LoopbackConnector}) or through
 * RabbitMQ with {@code PHARE_MESSAGING=rabbitmq} (every instance then receives every message once, see
 * {@link MessagingConfigSource}); what comes in feeds every {@link LiveListener}, then the open pages. Until the
 * start-up rebuild is done, incoming messages wait; those the rebuild already read from the database are skipped.
 */
@ApplicationScoped
public class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    @Inject
    @Channel("live-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<String> emitter;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<LiveListener> listeners;

    @Inject
    LiveCounters counters;

    @Inject
    LivePush push;

    private final Object gate = new Object();
    private List<LiveMessage> waiting = new ArrayList<>();
    private volatile Set<String> replayedRecently;

    @Inject
    io.opentelemetry.api.trace.Tracer tracer;

    @Inject
    app.phare.ops.Metrics metrics;

    /** Sends a message to every instance's listeners (this one included). */
    public void publish(LiveMessage message) {
        // Quarkus Messaging sends to a connector in a cleared request context; on the first send, while the connection
        // to the broker is made, the caller's request context came back inactive (seen once in LiveTwoInstancesIT):
        // the request's own context is put back
        io.quarkus.arc.ManagedContext requestContext = io.quarkus.arc.Arc.container().requestContext();
        io.quarkus.arc.InjectableContext.ContextState callers = requestContext.isActive() ? requestContext.getState() : null;
        try {
            emitter.send(json.writeValueAsString(message.sent(app.phare.ops.Tracing.traceparent(), System.currentTimeMillis())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            if (callers != null && callers.isValid() && (!requestContext.isActive() || requestContext.getState() != callers)) {
                requestContext.activate(callers);
            }
        }
    }

    @Incoming("live-in")
    @Blocking(ordered = true)
    public void receive(String payload) {
        LiveMessage message;
        try {
            message = json.readValue(payload, LiveMessage.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("dropped a live message that is not one: %s", e.getMessage());
            return;
        }
        if (waiting != null) {
            synchronized (gate) {
                if (waiting != null) {
                    waiting.add(message);
                    return;
                }
            }
        }
        apply(message);
    }

    private void apply(LiveMessage m) {
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("live apply")
                .setParent(app.phare.ops.Tracing.remoteParent(m.traceparent()))
                .setAttribute(app.phare.ops.Tracing.TENANT, m.tenantId()).setAttribute("phare.events", m.events().size()).startSpan();
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            applyTraced(m);
            if (m.sentAtMillis() > 0 && !m.events().isEmpty()) {
                metrics.liveApplied(java.time.Duration.ofMillis(System.currentTimeMillis() - m.sentAtMillis()));
            }
        } finally {
            span.end();
        }
    }

    private void applyTraced(LiveMessage m) {
        try {
            if (!m.events().isEmpty()) {
                List<LiveEvent> events = m.events();
                Set<String> skip = replayedRecently;
                if (skip != null) {
                    events = events.stream().filter(e -> !skip.contains(m.tenantId() + "/" + e.eventId())).toList();
                }
                for (LiveListener l : listeners) {
                    l.onEvents(m.tenantId(), events, false);
                }
            }
            if (m.figuresChanged()) {
                for (LiveListener l : listeners) {
                    l.onFiguresChanged(m.tenantId());
                }
                if (m.events().isEmpty() && m.reconciled().isEmpty() && m.payments().isEmpty()) {
                    return;
                }
            }
            if (!m.payments().isEmpty()) {
                for (LiveListener l : listeners) {
                    l.onPayments(m.tenantId(), m.payments());
                }
                if (m.events().isEmpty() && m.reconciled().isEmpty()) {
                    return;
                }
            }
            if (!m.reconciled().isEmpty()) {
                counters.onReconciled(m.tenantId(), m.reconciled());
            }
            push.changed(m.tenantId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "a live message of tenant %d could not be applied", m.tenantId());
        }
    }

    /**
     * Called once the rebuild has replayed the database: messages that waited are applied, except events the rebuild
     * read already (received in the last minute before it began, the only ones that can be in both).
     */
    void open(Set<String> replayedRecently) {
        this.replayedRecently = replayedRecently;
        List<LiveMessage> held;
        synchronized (gate) {
            held = waiting;
            waiting = null;
        }
        held.forEach(this::apply);
    }

    /** Stops skipping: a minute after the rebuild, nothing the rebuild read can still arrive. */
    void forgetReplayed() {
        replayedRecently = null;
    }
}
