package app.phare.live;

import app.phare.ops.Metrics;
import app.phare.tenant.StreamQuota;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes live changes to open pages and API clients over Server-Sent Events. Changes are gathered for
 * {@value #TICK_MILLIS} ms, then each client gets today's tiles, the activity it has not seen and the abandoned carts.
 * Event ids are {@code <instance>-<version>}: a browser that reconnects to the same instance with Last-Event-ID gets
 * exactly the activity it missed; elsewhere it gets the list afresh. Tiles are always whole figures, never
 * increments, so a reconnect can never count anything twice.
 */
@ApplicationScoped
public class LivePush {

    private static final Logger LOG = Logger.getLogger(LivePush.class);
    static final long TICK_MILLIS = 100;
    private static final long HEARTBEAT_TICKS = 150;
    static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);
    static final String TICKER_THREAD = "live-push";

    /** One open stream: HTML fragments for pages, JSON for API clients. */
    public static final class Client {
        final long tenantId;
        final SseEventSink sink;
        final Sse sse;
        final boolean html;
        final String currency;
        final Locale locale;
        final ZoneId zone;
        long lastVersion;

        public Client(long tenantId, SseEventSink sink, Sse sse, boolean html, String currency, Locale locale, ZoneId zone) {
            this.tenantId = tenantId;
            this.sink = sink;
            this.sse = sse;
            this.html = html;
            this.currency = currency;
            this.locale = locale;
            this.zone = zone;
        }
    }

    /** The JSON pushed to API clients. */
    public record Update(long version, LiveFigures today, List<Activity> activity, boolean activityReset,
                         int abandonedCarts) {
    }

    @Inject
    LiveCounters counters;

    @Inject
    CartTracker carts;

    @Inject
    ObjectMapper json;

    private final Map<Long, Set<Client>> clients = new ConcurrentHashMap<>();
    /** Tenants with a change not pushed yet, and since when (nanoTime): the push latency. */
    private final Map<Long, Long> dirty = new ConcurrentHashMap<>();

    @Inject
    Metrics metrics;

    @Inject
    StreamQuota quota;

    private ScheduledExecutorService ticker;
    private long ticks;

    /** One ticker per application (never in the constructor: the client proxy calls that too). */
    @PostConstruct
    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, TICKER_THREAD);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    /** Something changed for the tenant: its clients hear within a tick. */
    public void changed(long tenantId) {
        if (clients.containsKey(tenantId)) {
            dirty.putIfAbsent(tenantId, System.nanoTime());
        }
    }

    /**
     * Opens a stream; lastEventId is what the browser sends when it reconnects (may be null). A user past their
     * number of open streams gets 429.
     */
    public void subscribe(Client client, String lastEventId) {
        quota.admit(client.sink);
        client.lastVersion = -1;
        if (lastEventId != null && lastEventId.startsWith(INSTANCE + "-")) {
            try {
                client.lastVersion = Long.parseLong(lastEventId.substring(INSTANCE.length() + 1));
            } catch (NumberFormatException ignored) {
                // a foreign id: start afresh
            }
        }
        clients.computeIfAbsent(client.tenantId, t -> ConcurrentHashMap.newKeySet()).add(client);
        ticker.execute(() -> send(client));
    }

    /** Number of open streams (for the operations figures and tests). */
    public int open() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private void tick() {
        try {
            ticks++;
            if (ticks % HEARTBEAT_TICKS == 0) {
                clients.values().forEach(set -> set.forEach(c -> emit(c, c.sse.newEventBuilder().comment("keep-alive").build())));
            }
            for (Long tenantId : List.copyOf(dirty.keySet())) {
                Long since = dirty.remove(tenantId);
                Set<Client> set = clients.get(tenantId);
                if (set != null && since != null) {
                    set.forEach(this::send);
                    metrics.livePushed(Duration.ofNanos(System.nanoTime() - since));
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "live push failed");
        }
    }

    private void send(Client c) {
        if (c.sink.isClosed()) {
            drop(c);
            return;
        }
        LiveCounters.Since since = counters.since(c.tenantId, Math.max(c.lastVersion, 0));
        boolean reset = c.lastVersion < 0 || since.activity() == null;
        List<Activity> activity = reset ? counters.recent(c.tenantId, 30) : since.activity();
        LocalDate today = LocalDate.now(c.zone);
        LiveFigures figures = counters.figures(c.tenantId, today);
        if (figures == null) {
            figures = new DayCounters().figures(today);
        }
        List<AbandonedCart> abandoned = carts.abandoned(c.tenantId, 20);
        String id = INSTANCE + "-" + since.version();
        c.lastVersion = since.version();
        if (c.html) {
            // a page shows the latest 30: it never needs more than that of what it missed
            LiveView view = new LiveView(figures, activity.size() > 30 ? activity.subList(0, 30) : activity, abandoned,
                    c.currency, c.locale, c.zone, true, today);
            emit(c, c.sse.newEventBuilder().name("tiles").data(oneLine(LivePage.Templates.live$tiles(view).render())).build());
            if (reset || !activity.isEmpty()) {
                emit(c, c.sse.newEventBuilder().name(reset ? "activity-reset" : "activity")
                        .data(oneLine(LivePage.Templates.live$activity(view).render())).build());
            }
            emit(c, c.sse.newEventBuilder().id(id).name("carts").data(oneLine(LivePage.Templates.live$carts(view).render())).build());
        } else {
            try {
                Update u = new Update(since.version(), figures, activity, reset, abandoned.size());
                emit(c, c.sse.newEventBuilder().id(id).name("live").data(json.writeValueAsString(u)).build());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void emit(Client c, OutboundSseEvent event) {
        if (c.sink.isClosed()) {
            drop(c);
            return;
        }
        c.sink.send(event).whenComplete((v, failure) -> {
            if (failure != null) {
                drop(c);
            }
        });
    }

    private void drop(Client c) {
        Set<Client> set = clients.get(c.tenantId);
        if (set != null) {
            set.remove(c);
        }
        try {
            c.sink.close();
        } catch (RuntimeException ignored) {
            // already closed by the browser
        }
    }

    /** SSE data lines split on newlines; fragments travel as one line. */
    private static String oneLine(String html) {
        return html.replace("\r", "").replace('\n', ' ');
    }
}
