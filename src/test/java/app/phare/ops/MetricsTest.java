package app.phare.ops;

import app.phare.testing.Api;
import app.phare.testing.Events;
import app.phare.testing.SseClient;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3 (metrics) of the operations issue: /q/metrics exposes, in the Prometheus format and without a login,
 * HTTP latency per route, the pipeline's step durations, rows per second and rejects, events and their lag, live
 * apply and push latency, fraud-check latency, the report queue and durations, JVM and pool series.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void metricsExposeTheListedSeriesAfterOneOfEachKindOfWork() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, (new String(TestOrders.csv(LocalDate.of(2025, 1, 1), 10)) + "bad,line\n").getBytes());
        Api.runNightly(t);
        t.asManager().get("/api/metrics/sales?from=2025-01-01&to=2025-01-31&grain=day").then().statusCode(200);
        String token = Events.aToken(t, "events:write", "payments:check");
        try (SseClient stream = SseClient.open("/api/live/stream", t.manager(), t.password(), null)) {
            stream.next(Duration.ofSeconds(5));
            Events.post(token, List.of(Events.aPurchaseEvent("m-1", "s-1", "o-1", Instant.now().minusSeconds(2), "10.00")));
            assertThat(stream.next(Duration.ofSeconds(5))).as("the purchase pushed").isNotNull();
        }
        Events.withToken(token).body(Map.of("paymentId", "pay-m", "amount", 10, "currency", "GBP", "occurredAt",
                Instant.now().toString())).post("/api/payments/check").then().statusCode(200);
        long report = t.asManager().body(Map.of("type", "sales-summary", "from", "2025-01-01", "to", "2025-01-10", "format", "csv",
                "filters", Map.of())).post("/api/reports").then().statusCode(202).extract().jsonPath().getLong("reportId");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                "ready".equals(t.asManager().get("/api/reports/" + report).then().extract().path("status")));

        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/metrics/sales\"")
                .contains("phare_pipeline_step_duration_seconds_count{step=\"ingest-and-clean\"}")
                .contains("phare_pipeline_step_duration_seconds{step=\"aggregate\",quantile=\"0.95\"}")
                .contains("phare_pipeline_step_rows_per_second_rows_count{step=\"ingest-and-clean\"}")
                .contains("phare_pipeline_rejected_rows_total{step=\"ingest-and-clean\"}")
                .contains("phare_pipeline_runs_total{status=\"succeeded\"}")
                .contains("phare_cache_requests_total{cache=\"sales\",result=\"miss\"}")
                .contains("phare_events_total{outcome=\"accepted\"}")
                .contains("phare_events_lag_seconds_count")
                .contains("phare_live_apply_latency_seconds_count")
                .contains("phare_live_push_latency_seconds_count")
                .contains("phare_fraud_check_duration_seconds_count")
                .contains("phare_reports_queued")
                .contains("phare_reports_duration_seconds_count{format=\"csv\",outcome=\"ready\",type=\"sales-summary\"}")
                .contains("jvm_memory_used_bytes")
                .contains("agroal_active_count");
        assertThat(metrics).as("no tenant in any label").doesNotContain(t.name()).doesNotContain("tenant=");
    }
}
