package app.phare;

import app.phare.testing.OtlpReceiver;
import app.phare.testing.PackagedApp;
import app.phare.testing.TestOrders;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 2 of the operations issue: with the standard OTEL_EXPORTER_OTLP_ENDPOINT set, the packaged application
 * exports to a local OTLP receiver a trace of a nightly run (a span per step under the run's span) and of an event's
 * path to the live tiles (HTTP request, store, and the live channel's apply in the same trace), each span with the
 * tenant attribute.
 */
class TracingIT {

    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aNightlyRunAndAnEventsPathToTheLiveTilesAreTracedWithTheTenant() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            Path dir = Files.createTempDirectory("phare-trace-");
            int port = 19_700 + (int) (ProcessHandle.current().pid() % 200);
            app = new PackagedApp(dir, port, Map.of("PHARE_DEMO_DATA", "false", "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_SERVICE_NAME", "phare-test", "PHARE_LOG_JSON", "true")).start();
            long tenant = JsonPath.from(app.get("/api/tenants").body()).getLong("find { it.name == 'Demo' }.id");

            String source = app.post("/api/sources", """
                    {"name": "Shop", "kind": "orders", "mapping": {"orderId": "order", "orderedAt": "at", "sku": "sku",
                     "description": "description", "quantity": "qty", "unitPrice": "price", "customerId": "customer",
                     "country": "country", "channel": "channel"}}""").body();
            Path csv = dir.resolve("orders.csv");
            Files.write(csv, TestOrders.csv(LocalDate.of(2025, 1, 1), 10));
            assertThat(app.upload("/api/sources/" + JsonPath.from(source).getLong("id") + "/files", csv).statusCode()).isEqualTo(202);
            long run = JsonPath.from(app.post("/api/jobs/nightly/runs", null).body()).getLong("runId");
            String token = app.token("events:write");
            assertThat(app.postWithToken("/api/events", token, "[{\"eventId\": \"t-1\", \"type\": \"purchase\", \"occurredAt\": \""
                    + Instant.now().minusSeconds(1) + "\", \"sessionId\": \"s\", \"orderId\": \"o\", \"amount\": 12.50}]").statusCode())
                    .isEqualTo(202);

            // spans leave in batches every few seconds
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    find(receiver, "pipeline run nightly").isPresent() && find(receiver, "live store").isPresent()
                            && applyOf(receiver, find(receiver, "live store").get()).isPresent()
                            && receiver.spans().stream().filter(s -> s.name().startsWith("pipeline step")).count() >= 3);
            List<OtlpReceiver.Span> spans = receiver.spans();

            OtlpReceiver.Span runSpan = find(receiver, "pipeline run nightly").orElseThrow();
            assertThat(runSpan.attributes()).containsEntry("phare.tenant", tenant).containsEntry("phare.run_id", run);
            List<OtlpReceiver.Span> steps = spans.stream().filter(s -> s.name().startsWith("pipeline step")).toList();
            assertThat(steps).extracting(OtlpReceiver.Span::name)
                    .contains("pipeline step ingest-and-clean", "pipeline step merge", "pipeline step aggregate");
            assertThat(steps).allSatisfy(s -> {
                assertThat(s.traceId()).isEqualTo(runSpan.traceId());
                assertThat(s.parentSpanId()).isEqualTo(runSpan.spanId());
                assertThat(s.attributes()).containsEntry("phare.tenant", tenant);
            });

            // the run's end also travels on the live channel (reconciled days, figures changed): those applies are in the
            // run's trace; the event's apply is the one in the event's trace, child of its store span
            OtlpReceiver.Span store = find(receiver, "live store").orElseThrow();
            OtlpReceiver.Span apply = applyOf(receiver, store).orElseThrow();
            assertThat(spans).filteredOn(s -> s.name().equals("live apply") && !s.spanId().equals(apply.spanId()))
                    .allSatisfy(s -> assertThat(s.traceId()).isEqualTo(runSpan.traceId()));
            OtlpReceiver.Span http = spans.stream().filter(s -> s.spanId().equals(store.parentSpanId())).findFirst().orElseThrow();
            assertThat(http.name()).contains("/api/events");
            assertThat(http.attributes()).containsEntry("phare.tenant", tenant);
            assertThat(store.traceId()).isEqualTo(http.traceId());
            assertThat(apply.traceId()).as("the live channel hop stays in the event's trace").isEqualTo(http.traceId());
            assertThat(apply.parentSpanId()).isEqualTo(store.spanId());
            assertThat(apply.attributes()).containsEntry("phare.tenant", tenant);
            // PHARE_LOG_JSON=true: the run's log lines are JSON objects with its tenant and trace id
            List<String> lines = Files.readAllLines(dir.resolve("app-" + port + ".log"));
            JsonPath succeeded = lines.stream().filter(l -> l.startsWith("{") && l.contains("run " + run + " of tenant"))
                    .map(JsonPath::from).filter(j -> j.getString("message").contains("succeeded")).findFirst().orElseThrow();
            assertThat(succeeded.getString("level")).isEqualTo("INFO");
            assertThat(succeeded.getString("tenant")).isEqualTo(String.valueOf(tenant));
            assertThat(succeeded.getString("traceId")).isEqualTo(runSpan.traceId());
            assertThat(lines.stream().filter(l -> l.contains("Listening on")).findFirst().orElseThrow()).startsWith("{");
            System.out.println("Traced: " + spans.stream().map(OtlpReceiver.Span::name).distinct().toList());
        }
    }

    private static Optional<OtlpReceiver.Span> applyOf(OtlpReceiver receiver, OtlpReceiver.Span store) {
        return receiver.spans().stream().filter(s -> s.name().equals("live apply") && store.spanId().equals(s.parentSpanId()))
                .findFirst();
    }

    private static Optional<OtlpReceiver.Span> find(OtlpReceiver receiver, String name) {
        return receiver.spans().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
