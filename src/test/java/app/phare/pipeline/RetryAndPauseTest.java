package app.phare.pipeline;

import app.phare.testing.Api;
import app.phare.testing.StepFaults;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing step is retried with back-off inside the same run; a run that keeps failing is failed with its cause;
 * after three failed runs in a row the job pauses itself and every admin of the tenant is notified.
 */
@QuarkusTest
class RetryAndPauseTest {

    @Inject
    StepFaults faults;

    @Test
    void aStepFailingTwiceThenSucceedingGivesOneSucceededRunWithItsRetriesRecorded() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 4, 1), 10));
        faults.failNext(t.id(), "aggregate", 2);
        try {
            long run = Api.runNightly(t, "succeeded");
            Map<String, Object> view = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getMap("");
            List<Map<String, Object>> attempts = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("attempts");
            assertThat(attempts).hasSize(3);
            assertThat((String) attempts.get(0).get("error")).contains("simulated outage in step aggregate (attempt 1)");
            assertThat((String) attempts.get(1).get("error")).contains("attempt 2");
            assertThat(attempts.get(2).get("error")).isNull();
            assertThat(attempts.get(2).get("finishedAt")).isNotNull();
            assertThat(view.get("error")).isNull();
            // the retried attempt loaded the file once: the figures are those of one load
            assertThat(t.asAdmin().get("/api/runs").then().extract().jsonPath().getList("runId")).containsExactly((int) run);
            List<Integer> orders = t.asManager().get("/api/metrics/sales?from=2025-04-01&to=2025-04-30&grain=month")
                    .then().statusCode(200).extract().jsonPath().getList("rows.orders");
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0)).isEqualTo(TestOrders.ordersIn(10));
            assertThat(t.asAdmin().get("/api/jobs/nightly").then().extract().path("consecutiveFailures").toString()).isEqualTo("0");
        } finally {
            faults.clear(t.id());
        }
    }

    @Test
    void threeFailedRunsInARowPauseTheJobAndNotifyEveryAdmin() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 4, 1), 3));
        faults.failNext(t.id(), "merge", 1000);
        try {
            for (int i = 1; i <= 3; i++) {
                long run = Api.runNightly(t, "failed");
                String error = t.asAdmin().get("/api/runs/" + run).then().extract().path("error");
                assertThat(error).contains("failed 3 times").contains("simulated outage in step merge");
                Map<String, Object> job = t.asAdmin().get("/api/jobs/nightly").then().extract().jsonPath().getMap("");
                assertThat(job).containsEntry("consecutiveFailures", i).containsEntry("paused", i == 3);
            }
            Map<String, Object> inbox = t.asAdmin().get("/api/notifications").then().statusCode(200).extract().jsonPath().getMap("");
            assertThat(inbox).containsEntry("unread", 1);
            List<Map<String, Object>> notes = t.asAdmin().get("/api/notifications").then().extract().jsonPath().getList("notifications");
            assertThat((String) notes.get(0).get("title")).isEqualTo("Job 'nightly' paused after 3 failed runs in a row");
            assertThat((String) notes.get(0).get("body")).contains("simulated outage");
            assertThat(t.asManager().get("/api/notifications").then().extract().jsonPath().getList("notifications")).isEmpty();
            List<Map<String, Object>> audit = t.asAdmin().get("/api/audit").then().extract().jsonPath().getList("");
            assertThat(audit.get(0)).containsEntry("action", "paused").containsEntry("actor", "system");

            long id = ((Number) notes.get(0).get("id")).longValue();
            assertThat(t.asAdmin().post("/api/notifications/" + id + "/read").then().statusCode(200).extract().path("read").toString())
                    .isEqualTo("true");
            assertThat(t.asAdmin().get("/api/notifications").then().extract().path("unread").toString()).isEqualTo("0");
            assertThat(t.asManager().post("/api/notifications/" + id + "/read").statusCode()).isEqualTo(404);

            // the admin fixes the cause and resumes: the failure count starts again
            faults.clear(t.id());
            t.asAdmin().post("/api/jobs/nightly/resume").then().statusCode(200);
            Api.runNightly(t, "succeeded");
            assertThat(t.asAdmin().get("/api/jobs/nightly").then().extract().jsonPath().getMap(""))
                    .containsEntry("paused", false).containsEntry("consecutiveFailures", 0);
        } finally {
            faults.clear(t.id());
        }
    }
}
