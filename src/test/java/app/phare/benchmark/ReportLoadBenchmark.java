package app.phare.benchmark;

import app.phare.testing.Api;
import app.phare.testing.SharedData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards stay fast while reports are generated (./mvnw verify -Pbenchmark → target/benchmark/reports.md): the
 * month-grain sales API under 8 clients, idle for 15 s, then while 20 different reports (PDF, XLSX, CSV over the
 * online-retail year) are generated in the background; its p95 under that load against its idle p95.
 */
@QuarkusTest
class ReportLoadBenchmark {

    static final int CLIENTS = 8;

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @TestHTTPResource("/")
    URL root;

    @Test
    void dashboardLatencyWhileTwentyReportsAreGenerated() throws Exception {
        Api.TestTenant t = Api.aTenant("Europe/London", "GBP", "en-GB");
        long source = Api.anOrdersSource(t, Api.onlineRetailMapping(), null);
        Api.upload(t, source, Files.readAllBytes(SharedData.onlineRetail()));
        Api.runNightly(t);
        String auth = "Basic " + Base64.getEncoder().encodeToString((t.manager() + ":" + t.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest repeated = HttpRequest.newBuilder(URI.create(root + "api/metrics/sales?from=2010-12-01&to=2011-12-31&grain=month"))
                .header("Authorization", auth).build();
        // the API keeps its answers: a question asked for the first time is what reads the database
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        String[] cuts = {"", "&by=country", "&by=channel"};
        Supplier<HttpRequest> fresh = () -> {
            int n = asked.getAndIncrement();
            return HttpRequest.newBuilder(URI.create(root + "api/metrics/sales?from=" + java.time.LocalDate.of(2010, 12, 1).plusDays(n % 365)
                    + "&to=" + java.time.LocalDate.of(2011, 12, 1).plusDays(n / 365 % 31) + "&grain=month" + cuts[n / (365 * 31) % 3]))
                    .header("Authorization", auth).build();
        };
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 5_000_000_000L;
        measure(http, () -> repeated, () -> System.nanoTime() < deadline); // warm-up
        measure(http, fresh, () -> System.nanoTime() < deadline + 5_000_000_000L);
        long idleEnd = System.nanoTime() + 10_000_000_000L;
        List<Long> idle = measure(http, () -> repeated, () -> System.nanoTime() < idleEnd);
        long idleFreshEnd = System.nanoTime() + 10_000_000_000L;
        List<Long> idleFresh = measure(http, fresh, () -> System.nanoTime() < idleFreshEnd);

        List<Long> ids = new ArrayList<>();
        String[] types = {"sales-summary", "quarterly-trends"};
        String[] formats = {"pdf", "xlsx", "csv"};
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            int month = 1 + i % 12;
            String from = i < 12 ? String.format("2011-%02d-01", month) : "2010-12-01";
            String to = i < 12 ? java.time.LocalDate.parse(from).plusMonths(1).minusDays(1).toString()
                    : java.time.LocalDate.of(2011, 1 + i - 12, 28).toString();
            ids.add(t.asManager().body(Map.of("type", types[i % 2], "from", from, "to", to, "format", formats[i % 3],
                    "filters", Map.of())).post("/api/reports").then().statusCode(202).extract().jsonPath().getLong("reportId"));
        }
        assertThat(new java.util.HashSet<>(ids)).hasSize(20);
        AtomicBoolean pending = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (pending.get()) {
                List<String> statuses = t.asManager().get("/api/reports?limit=100").then().extract().jsonPath().getList("status");
                pending.set(statuses.stream().anyMatch(s -> s.equals("queued") || s.equals("running")));
                org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(200)).until(() -> true);
            }
        });
        watcher.start();
        // half the clients ask the repeated question, half new ones
        List<Long> loadedFresh = Collections.synchronizedList(new ArrayList<>());
        Thread freshLoad = new Thread(() -> {
            try {
                loadedFresh.addAll(measure(http, fresh, pending::get, CLIENTS / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        freshLoad.start();
        List<Long> loaded = measure(http, () -> repeated, pending::get, CLIENTS / 2);
        freshLoad.join();
        watcher.join();
        double generation = (System.nanoTime() - started) / 1e9;
        List<String> statuses = t.asManager().get("/api/reports?limit=100").then().extract().jsonPath().getList("status");
        long ready = statuses.stream().filter("ready"::equals).count();

        double idleP95 = pct(idle, 95), loadP95 = pct(loaded, 95);
        double idleFreshP95 = pct(idleFresh, 95), loadFreshP95 = pct(loadedFresh, 95);
        String md = String.format(Locale.ROOT, """
                # Reports under load

                Machine: %d cores, JDK %s. Month-grain sales API (`/api/metrics/sales?grain=month`, online-retail year), %d
                clients idle; while the reports are generated, half of them repeat one question (answered from memory) and
                half ask questions never asked before (read from the aggregates).

                | Measure | Idle | While 20 reports are generated | Target |
                |---|---|---|---|
                | repeated question p50 | %.1f ms | %.1f ms | — |
                | repeated question p95 | %.1f ms | **%.1f ms (%.2f× idle)** | ≤ 2× idle |
                | repeated question p99 | %.1f ms | %.1f ms | — |
                | new questions p50 | %.1f ms | %.1f ms | — |
                | new questions p95 | %.1f ms | **%.1f ms (%.2f× idle)** | ≤ 2× idle |
                | new questions p99 | %.1f ms | %.1f ms | — |
                | requests (repeated / new) | %d / %d | %d / %d | — |

                20 different reports (sales summary and quarterly trends; PDF, XLSX, CSV) all ready: %d of 20, in %.1f s.
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CLIENTS,
                pct(idle, 50), pct(loaded, 50), idleP95, loadP95, loadP95 / idleP95, pct(idle, 99), pct(loaded, 99),
                pct(idleFresh, 50), pct(loadedFresh, 50), idleFreshP95, loadFreshP95, loadFreshP95 / idleFreshP95,
                pct(idleFresh, 99), pct(loadedFresh, 99), idle.size(), idleFresh.size(), loaded.size(), loadedFresh.size(),
                ready, generation);
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("repeated question idle p95Ms", HttpLoad.round(idleP95));
        figures.put("repeated question under reports p95Ms", HttpLoad.round(loadP95));
        figures.put("repeated question ratio", HttpLoad.round(loadP95 / idleP95));
        figures.put("new questions idle p95Ms", HttpLoad.round(idleFreshP95));
        figures.put("new questions under reports p95Ms", HttpLoad.round(loadFreshP95));
        figures.put("new questions ratio", HttpLoad.round(loadFreshP95 / idleFreshP95));
        figures.put("reports ready", ready);
        figures.put("reports seconds", HttpLoad.round(generation));
        BenchResults.put("dashboard API while 20 reports are generated", figures);
        Path out = Path.of("target", "benchmark", "reports.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
        assertThat(ready).isEqualTo(20);
    }

    private List<Long> measure(HttpClient http, Supplier<HttpRequest> requests, BooleanSupplier go) throws InterruptedException {
        return measure(http, requests, go, CLIENTS);
    }

    private List<Long> measure(HttpClient http, Supplier<HttpRequest> requests, BooleanSupplier go, int clients)
            throws InterruptedException {
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread th = new Thread(() -> {
                while (go.getAsBoolean()) {
                    HttpRequest request = requests.get();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failures.add(request.uri() + ": " + r.statusCode() + " " + r.body());
                            return;
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    all.add(System.nanoTime() - t0);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures).as("answers other than 200").isEmpty();
        return all;
    }

    private static double pct(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }
}
