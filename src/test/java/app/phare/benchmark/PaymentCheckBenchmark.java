package app.phare.benchmark;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.Events;
import app.phare.token.Scope;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment check under load (./mvnw verify -Pbenchmark), written to target/benchmark/payment-check.md and .json:
 * open loop at {@value #RATE} requests/s over HTTP/1.1 keep-alive connections with a bearer token, for
 * {@value #MEASURE_SECONDS} s after a {@value #WARMUP_SECONDS} s warm-up. Each latency runs from the moment the
 * request was due, not from when it was sent, so a stall on either side counts in full (no coordinated omission).
 * The floor is the same request, same rate, refused at validation (wrong currency): authentication, routing, body
 * and JSON parsing and an answer, without the decision.
 */
@QuarkusTest
class PaymentCheckBenchmark {

    private static final int RATE = 500;
    private static final int WARMUP_SECONDS = 15;
    private static final int MEASURE_SECONDS = 30;
    private static final int CONNECTIONS = 16;
    private static final int CUSTOMERS = 50_000;
    private static final int CUSTOMERS_WITH_HISTORY = 10_000;

    @TestHTTPResource("/")
    URL root;

    private record Result(String name, int sent, int completed, double seconds, long[] sortedNanos, Map<String, Integer> statuses) {

        double rate() {
            return completed / seconds;
        }

        double p(double percentile) {
            int i = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }

        double max() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    @Test
    void paymentCheckLatencyAt500RequestsPerSecondAgainstTheValidationFloor() throws Exception {
        Api.TestTenant shop = Api.aTenant();
        String token = Events.aToken(shop, Scope.PAYMENTS_CHECK);
        seedPurchases(shop);

        run("warm-up", token, WARMUP_SECONDS, false);
        run("warm-up floor", token, 5, true);
        Result check = run("payment check", token, MEASURE_SECONDS, false);
        Result floor = run("floor: refused at validation", token, MEASURE_SECONDS, true);

        long expectedRows = (long) (WARMUP_SECONDS + MEASURE_SECONDS) * RATE;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stored(shop.id()) >= expectedRows);
        double[] micros = serverMicros(shop.id());
        Map<String, Long> decisions = decisions(shop.id());

        String md = report(check, floor, micros, decisions, stored(shop.id()), expectedRows);
        Path out = Path.of("target", "benchmark", "payment-check.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        Files.writeString(out.resolveSibling("payment-check.json"), json(check, floor, micros));
        BenchResults.put("fraud check", Map.of("requestsPerSecond", Math.round(check.rate()), "p50Ms", Math.round(check.p(50) * 100) / 100.0,
                "p99Ms", Math.round(check.p(99) * 100) / 100.0, "floorP99Ms", Math.round(floor.p(99) * 100) / 100.0,
                "ratioP99ToFloor", Math.round(check.p(99) / floor.p(99) * 100) / 100.0, "serverP99Ms", Math.round(micros[1] * 1000) / 1000.0));
        System.out.println(md);
        assertThat(check.statuses()).containsOnlyKeys("200");
        assertThat(floor.statuses()).containsOnlyKeys("400");
    }

    /** Three purchases each for the first customers, so the amount rule has a usual amount to compare with. */
    private static void seedPurchases(Api.TestTenant shop) {
        String events = Events.aToken(shop, Scope.EVENTS_WRITE);
        SplittableRandom random = new SplittableRandom(7);
        List<Map<String, Object>> batch = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofDays(1));
        for (int c = 0; c < CUSTOMERS_WITH_HISTORY; c++) {
            for (int i = 0; i < 3; i++) {
                Map<String, Object> e = Events.anEvent("seed-" + c + "-" + i, "purchase", at);
                e.put("customerId", "C" + c);
                e.put("orderId", "O" + c + "-" + i);
                e.put("amount", 20 + random.nextInt(180));
                batch.add(e);
                if (batch.size() == 1000) {
                    Events.post(events, batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            Events.post(events, batch);
        }
    }

    /** Sends RATE requests a second for the given time, each due at its own instant, and records the latencies. */
    private Result run(String name, String token, int seconds, boolean floor) throws Exception {
        int total = seconds * RATE;
        long intervalNanos = 1_000_000_000L / RATE;
        long[] latencies = new long[total];
        AtomicInteger completed = new AtomicInteger();
        Map<String, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        ThreadLocal<HttpLoad.Client> clients = new ThreadLocal<>();
        List<HttpLoad.Client> all = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            byte[] request = request(token, payment(random, name + "-" + sequence.incrementAndGet(), floor));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pool.execute(() -> {
                try {
                    HttpLoad.Client client = clients.get();
                    if (client == null) {
                        client = new HttpLoad.Client(root.getHost(), root.getPort());
                        clients.set(client);
                        all.add(client);
                    }
                    String status = client.status(request);
                    latencies[index] = System.nanoTime() - due;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    completed.incrementAndGet();
                } catch (IOException e) {
                    statuses.computeIfAbsent("io-error", s -> new AtomicInteger()).incrementAndGet();
                    clients.remove();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (HttpLoad.Client c : all) {
            c.close();
        }
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        Map<String, Integer> counts = new HashMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        return new Result(name, total, completed.get(), elapsed, sorted, counts);
    }

    /**
     * A shop's traffic: 50,000 customers (10,000 with purchase history), amounts mostly around the usual, one in 50
     * with a card from another country than the IP, one in 100 far above the usual.
     */
    private static String payment(SplittableRandom random, String id, boolean floor) {
        int customer = random.nextInt(CUSTOMERS);
        int amount = random.nextInt(100) == 0 ? 2000 + random.nextInt(3000) : 20 + random.nextInt(180);
        String ip = random.nextInt(50) == 0 ? "NG" : "GB";
        return "{\"paymentId\":\"" + id + "\",\"orderId\":\"" + id + "\",\"customerId\":\"C" + customer + "\",\"email\":\"c"
                + customer + "@example.com\",\"amount\":" + amount + "." + random.nextInt(10) + "0,\"currency\":\""
                + (floor ? "USD" : "GBP") + "\",\"cardCountry\":\"GB\",\"ipCountry\":\"" + ip + "\",\"billingCountry\":\"GB\","
                + "\"occurredAt\":\"" + Instant.now() + "\"}";
    }

    private byte[] request(String token, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + root.getPath() + "api/payments/check HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    private static long stored(long tenantId) throws Exception {
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM payment_check WHERE tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The check's own time in the server (payment_check.micros): p50, p99, max in ms. */
    private static double[] serverMicros(long tenantId) throws Exception {
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY micros), percentile_cont(0.99) WITHIN GROUP (ORDER BY micros),
                            max(micros) FROM payment_check WHERE tenant_id = ?""")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[]{rs.getDouble(1) / 1000, rs.getDouble(2) / 1000, rs.getDouble(3) / 1000};
            }
        }
    }

    private static Map<String, Long> decisions(long tenantId) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT decision, count(*) FROM payment_check WHERE tenant_id = ? GROUP BY 1")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static String line(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %s |", r.name(), r.sent(), r.completed(),
                r.rate(), r.p(50), r.p(95), r.p(99), r.max(), r.statuses());
    }

    private static String report(Result check, Result floor, double[] micros, Map<String, Long> decisions, long stored,
                                 long expected) {
        return "# Payment check benchmark\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (load generator in the same JVM), Java "
                + System.getProperty("java.version") + ", " + Instant.now() + "\n\n"
                + "Open loop, " + RATE + " requests/s over " + CONNECTIONS + " keep-alive HTTP/1.1 connections, bearer token; "
                + MEASURE_SECONDS + " s measured after a " + WARMUP_SECONDS + " s warm-up. Latency from the instant each request "
                + "was due until its answer was read (a stall on either side counts in full). " + CUSTOMERS + " customers, "
                + CUSTOMERS_WITH_HISTORY + " with 3 purchases of history from /api/events; 1 in 50 payments with an IP country "
                + "other than the card's, 1 in 100 far above the usual amount. Floor: the same requests with a wrong currency, "
                + "refused at validation (400) after authentication and JSON parsing.\n\n"
                + "| run | sent | completed | achieved req/s | p50 ms | p95 ms | p99 ms | max ms | statuses |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + line(check) + "\n" + line(floor) + "\n\n"
                + String.format(Locale.ROOT, "**p99 %.2f ms at %.0f req/s (target: p99 ≤ 5 ms at 500 req/s); floor p99 %.2f ms; "
                        + "ratio check/floor: p50 %.2f×, p99 %.2f×.**%n%n", check.p(99), check.rate(), floor.p(99),
                check.p(50) / floor.p(50), check.p(99) / floor.p(99))
                + String.format(Locale.ROOT, "Decision time inside the server (payment_check.micros, parse to decision): p50 %.3f ms, "
                        + "p99 %.3f ms, max %.3f ms.%n%n", micros[0], micros[1], micros[2])
                + "Decisions stored (write-behind): " + stored + " of " + expected + " checks sent in warm-up and measurement; "
                + decisions + ".\n";
    }

    private static String json(Result check, Result floor, double[] micros) {
        return String.format(Locale.ROOT, "{\"rate\": %d, \"seconds\": %d, \"check\": %s, \"floor\": %s, "
                        + "\"serverMillis\": {\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}, \"ratioP99\": %.3f}%n",
                RATE, MEASURE_SECONDS, json(check), json(floor), micros[0], micros[1], micros[2], check.p(99) / floor.p(99));
    }

    private static String json(Result r) {
        return String.format(Locale.ROOT, "{\"sent\": %d, \"completed\": %d, \"achievedRate\": %.1f, \"p50\": %.3f, \"p95\": %.3f, "
                + "\"p99\": %.3f, \"max\": %.3f}", r.sent(), r.completed(), r.rate(), r.p(50), r.p(95), r.p(99), r.max());
    }
}
