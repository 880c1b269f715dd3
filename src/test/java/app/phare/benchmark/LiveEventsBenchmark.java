package app.phare.benchmark;

import app.phare.live.EventStore;
import app.phare.live.LiveEvent;
import app.phare.testing.Api;
import app.phare.testing.Events;
import app.phare.testing.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live path under load (./mvnw verify -Pbenchmark), written to target/benchmark/live-events.md and .json:
 * <ol>
 *   <li>floor: the same batches of 100 stored by EventStore directly (the durable INSERT and commit alone, no HTTP,
 *   no JSON, no channel), {@value #THREADS} threads, {@value #FLOOR_SECONDS} s;</li>
 *   <li>maximum: POST /api/events in batches of 100 with a bearer token, {@value #THREADS} client threads back to back,
 *   {@value #MAX_SECONDS} s; every 202 means committed;</li>
 *   <li>at {@value #TARGET_RATE} events/s (open loop, 50 batches a second) for {@value #LOAD_SECONDS} s, a probe
 *   purchase every 100 ms, timed from its POST to its arrival on an SSE stream of the same tenant (as a browser gets
 *   it): purchase-to-browser latency under that load.</li>
 * </ol>
 * The mix is a shop's: 70 % page and product views, 15 % cart events, 10 % purchases, 5 % checkouts.
 */
@QuarkusTest
class LiveEventsBenchmark {

    static final int THREADS = 4;
    static final int FLOOR_SECONDS = 15;
    static final int MAX_SECONDS = 30;
    static final int LOAD_SECONDS = 30;
    static final int TARGET_RATE = 5000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    EventStore store;

    private final AtomicLong ids = new AtomicLong();

    @Test
    void eventsPerSecondAndPurchaseToBrowserLatency() throws Exception {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        String token = Events.aToken(t, "events:write");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS * 2)).build();

        // warm-up: the JIT sees every path once under load
        closedLoop(http, token, 10);
        double floor = floor(t.id());
        double max = closedLoop(http, token, MAX_SECONDS);
        Load load = openLoop(http, token, t);

        long[] lat = load.latenciesMicros();
        String md = String.format(Locale.ROOT, """
                # Live events benchmark

                Machine: %d cores, JDK %s. Batches of 100 events; a 202 means the batch is committed to PostgreSQL.

                | Measure | Result | Target |
                |---|---|---|
                | Floor: EventStore insert + commit, %d threads | %,.0f events/s | — |
                | POST /api/events, %d clients back to back | **%,.0f events/s** (%.2f× the floor) | ≥ 5,000 events/s |
                | Open loop at %,d events/s for %d s | %,.0f events/s achieved, %d batches refused | — |
                | Purchase → SSE client under that load (%d probes) | p50 %.1f ms, p95 %.1f ms, **p99 %.1f ms**, max %.1f ms | p99 ≤ 1 s |
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), THREADS, floor, THREADS, max,
                max / floor, TARGET_RATE, LOAD_SECONDS, load.achieved(), load.failures(), lat.length, pct(lat, 50) / 1000.0,
                pct(lat, 95) / 1000.0, pct(lat, 99) / 1000.0, lat[lat.length - 1] / 1000.0);
        Path out = Path.of("target", "benchmark", "live-events.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        Files.writeString(out.resolveSibling("live-events.json"), String.format(Locale.ROOT,
                "{\"floorEventsPerSecond\": %.0f, \"maxEventsPerSecond\": %.0f, \"ratioToFloor\": %.3f, \"openLoopTarget\": %d, "
                        + "\"openLoopAchieved\": %.0f, \"probes\": %d, \"p50Ms\": %.2f, \"p95Ms\": %.2f, \"p99Ms\": %.2f, \"maxMs\": %.2f}\n",
                floor, max, max / floor, TARGET_RATE, load.achieved(), lat.length, pct(lat, 50) / 1000.0, pct(lat, 95) / 1000.0,
                pct(lat, 99) / 1000.0, lat[lat.length - 1] / 1000.0));
        BenchResults.put("live events", java.util.Map.of("durableEventsPerSecond", Math.round(max),
                "floorEventsPerSecond", Math.round(floor), "ratioToFloor", round2(max / floor),
                "purchaseToBrowserP50Ms", round2(pct(lat, 50) / 1000.0), "purchaseToBrowserP99Ms", round2(pct(lat, 99) / 1000.0),
                "atEventsPerSecond", Math.round(load.achieved())));
        System.out.println(md);
        assertThat(load.failures()).isZero();
        assertThat(lat.length).isGreaterThan(LOAD_SECONDS * 5);
    }

    /** A batch of 100 events in the shop's mix, as JSON. */
    private String batch(Instant at) {
        StringBuilder b = new StringBuilder(16_000).append('[');
        for (int i = 0; i < 100; i++) {
            long n = ids.incrementAndGet();
            String session = "s" + (n / 20);
            int kind = (int) (n % 20);
            b.append(i == 0 ? "" : ",").append("{\"eventId\":\"b").append(n).append("\",\"occurredAt\":\"").append(at)
                    .append("\",\"sessionId\":\"").append(session).append("\",\"country\":\"FR\",\"channel\":\"web\",\"type\":\"");
            if (kind < 14) {
                b.append(kind % 2 == 0 ? "page_view" : "product_view").append("\"}");
            } else if (kind < 17) {
                b.append("cart_add\",\"items\":[{\"sku\":\"SKU-").append(n % 300).append("\",\"quantity\":1,\"unitPrice\":19.90}]}");
            } else if (kind < 19) {
                b.append("purchase\",\"orderId\":\"o").append(n).append("\",\"amount\":").append(BigDecimal.valueOf(1000 + n % 9000, 2))
                        .append(",\"items\":[{\"sku\":\"SKU-").append(n % 300).append("\",\"quantity\":1,\"unitPrice\":19.90}]}");
            } else {
                b.append("checkout_started\"}");
            }
        }
        return b.append(']').toString();
    }

    private HttpRequest post(String token, String body) {
        return HttpRequest.newBuilder(URI.create(root + "api/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Events per second, THREADS clients each posting its next batch when the last is acknowledged. */
    private double closedLoop(HttpClient http, String token, int seconds) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> r = http.send(post(token, batch(Instant.now())), HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                        accepted.addAndGet(100);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        return accepted.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** The durable insert alone, the same batches parsed beforehand. */
    private double floor(long tenantId) throws InterruptedException {
        ZoneId zone = ZoneId.of("Europe/Paris");
        AtomicLong stored = new AtomicLong();
        long end = System.nanoTime() + FLOOR_SECONDS * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    List<LiveEvent> events = new ArrayList<>(100);
                    Instant at = Instant.now();
                    for (int k = 0; k < 100; k++) {
                        long n = ids.incrementAndGet();
                        events.add(new LiveEvent("f" + n, k % 10 == 0 ? "purchase" : "page_view", at, LocalDate.ofInstant(at, zone),
                                "s" + n / 20, null, k % 10 == 0 ? "o" + n : null, k % 10 == 0 ? new BigDecimal("19.90") : null,
                                "FR", "web", null));
                    }
                    // system work, unconfined: the INSERT and commit alone, as the floor always measured them
                    stored.addAndGet(app.phare.tenant.TenantScope.callAs(null, () -> store.insert(tenantId, events)).size());
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        return stored.get() / ((System.nanoTime() - start) / 1e9);
    }

    record Load(double achieved, int failures, long[] latenciesMicros) {
    }

    /** TARGET_RATE events/s as 50 batches a second, with a probe purchase every 100 ms timed to the SSE stream. */
    private Load openLoop(HttpClient http, String token, Api.TestTenant t) throws Exception {
        Map<String, Long> probeSent = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        int batchesPerSecond = TARGET_RATE / 100;
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (SseClient stream = SseClient.open("/api/live/stream", t.manager(), t.password(), null)) {
            assertThat(stream.next(Duration.ofSeconds(5))).isNotNull();
            Thread reader = new Thread(() -> {
                SseClient.Event e;
                while ((e = stream.next(Duration.ofSeconds(5))) != null) {
                    for (Object id : Events.exact(e.data()).getList("activity.eventId")) {
                        Long sent = probeSent.remove(id.toString());
                        if (sent != null) {
                            latencies.add((e.receivedNanos() - sent) / 1000);
                        }
                    }
                }
            });
            reader.start();
            long start = System.nanoTime();
            CountDownLatch done = new CountDownLatch(1);
            timer.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - start > LOAD_SECONDS * 1_000_000_000L) {
                    done.countDown();
                    return;
                }
                http.sendAsync(post(token, batch(Instant.now())), HttpResponse.BodyHandlers.ofString()).whenComplete((r, f) -> {
                    if (f != null || r.statusCode() != 202) {
                        failures.incrementAndGet();
                    } else {
                        accepted.addAndGet(100);
                    }
                });
            }, 0, 1_000_000 / batchesPerSecond, TimeUnit.MICROSECONDS);
            AtomicLong probe = new AtomicLong();
            timer.scheduleAtFixedRate(() -> {
                if (done.getCount() == 0) {
                    return;
                }
                String id = "probe-" + probe.incrementAndGet();
                String body = "[{\"eventId\":\"" + id + "\",\"type\":\"purchase\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"orderId\":\"" + id + "\",\"amount\":1.00}]";
                probeSent.put(id, System.nanoTime());
                http.sendAsync(post(token, body), HttpResponse.BodyHandlers.ofString());
            }, 50, 100, TimeUnit.MILLISECONDS);
            done.await();
            double achieved = accepted.get() / ((System.nanoTime() - start) / 1e9);
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            Thread.onSpinWait();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(probeSent::isEmpty);
            long[] lat = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(lat);
            return new Load(achieved, failures.get(), lat);
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
