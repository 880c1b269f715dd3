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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards stay fast while reports are generated (./mvnw verify -Pbenchmark → target/benchmark/reports.md): the
 * month-grain sales API under 8 clients, idle for 15 s, then while 20 different reports (PDF, XLSX, CSV over the
 * online-retail year) are generated in the background; its p95 under that load against its idle p95.
 */
@QuarkusTest
class ReportLoadBenchmark {

    static final int CLIENTS = 8;

    @TestHTTPResource("/")
    URL root;

    @Test
    void dashboardLatencyWhileTwentyReportsAreGenerated() throws Exception {
        Api.TestTenant t = Api.aTenant("Europe/London", "GBP", "en-GB");
        long source = Api.anOrdersSource(t, Api.onlineRetailMapping(), null);
        Api.upload(t, source, Files.readAllBytes(SharedData.onlineRetail()));
        Api.runNightly(t);
        String auth = "Basic " + Base64.getEncoder().encodeToString((t.manager() + ":" + t.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest dashboard = HttpRequest.newBuilder(URI.create(root + "api/metrics/sales?from=2010-12-01&to=2011-12-31&grain=month"))
                .header("Authorization", auth).build();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 5_000_000_000L;
        measure(http, dashboard, () -> System.nanoTime() < deadline); // warm-up
        long idleEnd = System.nanoTime() + 15_000_000_000L;
        List<Long> idle = measure(http, dashboard, () -> System.nanoTime() < idleEnd);

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
        List<Long> loaded = measure(http, dashboard, pending::get);
        watcher.join();
        double generation = (System.nanoTime() - started) / 1e9;
        List<String> statuses = t.asManager().get("/api/reports?limit=100").then().extract().jsonPath().getList("status");
        long ready = statuses.stream().filter("ready"::equals).count();

        double idleP95 = pct(idle, 95), loadP95 = pct(loaded, 95);
        String md = String.format(Locale.ROOT, """
                # Reports under load

                Machine: %d cores, JDK %s. Month-grain sales API (`/api/metrics/sales?grain=month`, online-retail year), %d clients.

                | Measure | Idle | While 20 reports are generated | Target |
                |---|---|---|---|
                | p50 | %.1f ms | %.1f ms | — |
                | p95 | %.1f ms | **%.1f ms (%.2f× idle)** | ≤ 2× idle |
                | p99 | %.1f ms | %.1f ms | — |
                | requests | %d | %d | — |

                20 different reports (sales summary and quarterly trends; PDF, XLSX, CSV) all ready: %d of 20, in %.1f s.
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CLIENTS,
                pct(idle, 50), pct(loaded, 50), idleP95, loadP95, loadP95 / idleP95, pct(idle, 99), pct(loaded, 99),
                idle.size(), loaded.size(), ready, generation);
        Path out = Path.of("target", "benchmark", "reports.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
        assertThat(ready).isEqualTo(20);
    }

    private List<Long> measure(HttpClient http, HttpRequest request, BooleanSupplier go) throws InterruptedException {
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread th = new Thread(() -> {
                while (go.getAsBoolean()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("status " + r.statusCode());
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
        return all;
    }

    private static double pct(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }
}
