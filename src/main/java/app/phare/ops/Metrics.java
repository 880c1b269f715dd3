package app.phare.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phare's own metrics, exported with the JVM, pool and HTTP ones at /q/metrics. No tenant in any tag: a metric is
 * about the service, and tenants' names stay out of monitoring systems.
 */
@ApplicationScoped
public class Metrics {

    public static final String STEP_DURATION = "phare.pipeline.step.duration";
    public static final String STEP_ROWS_PER_SECOND = "phare.pipeline.step.rows.per.second";
    public static final String REJECTS = "phare.pipeline.rejected.rows";
    public static final String RUNS = "phare.pipeline.runs";
    public static final String EVENTS = "phare.events";
    public static final String EVENT_LAG = "phare.events.lag";
    public static final String LIVE_APPLY = "phare.live.apply.latency";
    public static final String LIVE_PUSH = "phare.live.push.latency";
    public static final String FRAUD_CHECK = "phare.fraud.check.duration";
    public static final String REPORT_QUEUE = "phare.reports.queued";
    public static final String REPORT_DURATION = "phare.reports.duration";
    public static final String CACHE = "phare.cache.requests";

    @Inject
    MeterRegistry registry;

    private final AtomicLong reportQueue = new AtomicLong();
    private final java.util.Map<String, Counter[]> cacheCounters = new java.util.concurrent.ConcurrentHashMap<>();

    @jakarta.annotation.PostConstruct
    void gauges() {
        registry.gauge(REPORT_QUEUE, reportQueue);
    }

    /** A finished step of a pipeline run: its duration, and rows read per second when it read any. */
    public void step(String step, long rowsRead, long rowsRejected, long millis) {
        timer(STEP_DURATION, "step", step).record(Duration.ofMillis(millis));
        if (rowsRead > 0) {
            // a step with nothing to do has no speed: it would pull the median towards zero
            DistributionSummary.builder(STEP_ROWS_PER_SECOND).tag("step", step).baseUnit("rows").publishPercentiles(0.5)
                    .register(registry).record(millis <= 0 ? rowsRead * 1000.0 : rowsRead * 1000.0 / millis);
        }
        if (rowsRejected > 0) {
            Counter.builder(REJECTS).tag("step", step).register(registry).increment(rowsRejected);
        }
    }

    /** A lookup in one of the caches of answers from the aggregates. */
    public void cache(String cache, boolean hit) {
        cacheCounters.computeIfAbsent(cache, c -> new Counter[]{
                Counter.builder(CACHE).tag("cache", c).tag("result", "miss").register(registry),
                Counter.builder(CACHE).tag("cache", c).tag("result", "hit").register(registry)})[hit ? 1 : 0].increment();
    }

    public void runEnded(String status) {
        Counter.builder(RUNS).tag("status", status).register(registry).increment();
    }

    /** Events answered by POST /api/events. */
    public void events(long accepted, long duplicates, long rejected) {
        Counter.builder(EVENTS).tag("outcome", "accepted").register(registry).increment(accepted);
        Counter.builder(EVENTS).tag("outcome", "duplicate").register(registry).increment(duplicates);
        Counter.builder(EVENTS).tag("outcome", "rejected").register(registry).increment(rejected);
    }

    /** From an event's occurredAt to its durable acceptance. */
    public void eventLag(Duration lag) {
        timer(EVENT_LAG).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** From an event's acceptance to its effect on the live counters. */
    public void liveApplied(Duration latency) {
        timer(LIVE_APPLY).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** From a change of the live counters to the update leaving for a browser. */
    public void livePushed(Duration latency) {
        timer(LIVE_PUSH).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public Timer fraudCheck() {
        return timer(FRAUD_CHECK);
    }

    public void reportQueue(long queued) {
        reportQueue.set(queued);
    }

    public void reportGenerated(String type, String format, String outcome, Duration took) {
        timer(REPORT_DURATION, "type", type, "format", format, "outcome", outcome).record(took);
    }

    private Timer timer(String name, String... tags) {
        return Timer.builder(name).tags(tags).publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }
}
