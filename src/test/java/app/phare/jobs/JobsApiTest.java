package app.phare.jobs;

import app.phare.testing.Api;
import app.phare.testing.StepFaults;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs API: one run of a job at a time, schedules, pause and resume, backfill ranges, audit, bad input. */
@QuarkusTest
class JobsApiTest {

    @Inject
    StepFaults faults;

    @Test
    void twoTriggersInQuickSuccessionGiveOne202AndOne409NamingTheSameRun() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 20));
        faults.hold(t.id());
        try {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Response> trigger = () -> t.asAdmin().post("/api/jobs/nightly/runs");
            List<Future<Response>> both = pool.invokeAll(List.of(trigger, trigger));
            pool.shutdown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : both) {
                responses.add(f.get());
            }
            Response accepted = responses.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow();
            Response refused = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            long runId = accepted.jsonPath().getLong("runId");
            assertThat(refused.jsonPath().getLong("runId")).isEqualTo(runId);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail")).contains("run " + runId);
            // and once more, a little later, still the same run
            assertThat(t.asAdmin().post("/api/jobs/nightly/runs").then().statusCode(409).extract().jsonPath().getLong("runId"))
                    .isEqualTo(runId);
            faults.release(t.id());
            assertThat(Api.awaitRun(t, runId)).isEqualTo("succeeded");
            assertThat(t.asAdmin().get("/api/runs?job=nightly").then().statusCode(200).extract().jsonPath().getList("runId"))
                    .containsExactly((int) runId);
        } finally {
            faults.clear(t.id());
        }
    }

    @Test
    void jobsListTheScheduleInWordsTheNextFireAndTheLastRun() {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        Map<String, Object> job = t.asAdmin().get("/api/jobs").then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertThat(job).containsEntry("job", "nightly").containsEntry("cron", "0 0 2 * * ?")
                .containsEntry("timezone", "Europe/Paris").containsEntry("paused", false)
                .containsEntry("schedule", "every day at 02:00 Europe/Paris");
        assertThat((String) job.get("nextFireAt")).isNotBlank();
        assertThat(job.get("lastRun")).isNull();
        long run = Api.runNightly(t);
        Map<String, Object> last = t.asAdmin().get("/api/jobs").then().extract().jsonPath().getMap("[0].lastRun");
        assertThat(last).containsEntry("runId", (int) run).containsEntry("status", "succeeded");
        assertThat(last.get("finishedAt")).isNotNull();
    }

    @Test
    void aScheduleFiringMoreOftenThanTheMinimumIntervalIsRefusedInWords() {
        Api.TestTenant t = Api.aTenant();
        // %test sets PHARE_SCHEDULE_MIN_INTERVAL to 10 minutes
        Response tooOften = t.asAdmin().body(Map.of("cron", "0 0/5 * * * ?")).put("/api/jobs/nightly/schedule");
        assertThat(tooOften.statusCode()).isEqualTo(400);
        assertThat(tooOften.jsonPath().getString("field")).isEqualTo("cron");
        assertThat(tooOften.jsonPath().getString("detail"))
                .isEqualTo("this schedule would run every 5 minutes; the shortest allowed is 10 minutes");
        assertThat(t.asAdmin().queryParam("cron", "0/20 * * * * ?").get("/api/jobs/nightly/schedule/preview").then().statusCode(400)
                .extract().jsonPath().getString("detail")).isEqualTo("this schedule would run every 20 seconds; the shortest allowed is 10 minutes");
        assertThat(t.asAdmin().body(Map.of("cron", "0 0,1 2 * * ?")).put("/api/jobs/nightly/schedule").statusCode()).isEqualTo(400);
        assertThat(t.asAdmin().get("/api/jobs/nightly").then().extract().path("cron").toString()).isEqualTo("0 0 2 * * ?");
        t.asAdmin().body(Map.of("cron", "0 0/10 * * * ?")).put("/api/jobs/nightly/schedule").then().statusCode(200);
    }

    @Test
    void aScheduleChangeIsValidatedPreviewedAndAudited() {
        Api.TestTenant t = Api.aTenant();
        Response invalid = t.asAdmin().body(Map.of("cron", "every night")).put("/api/jobs/nightly/schedule");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.jsonPath().getString("field")).isEqualTo("cron");
        assertThat(invalid.jsonPath().getString("detail")).contains("not a valid Quartz cron expression");
        assertThat(t.asAdmin().body(Map.of("cron", "0 61 2 * * ?")).put("/api/jobs/nightly/schedule").statusCode()).isEqualTo(400);
        assertThat(t.asAdmin().body("{}").put("/api/jobs/nightly/schedule").statusCode()).isEqualTo(400);

        List<String> next = t.asAdmin().get("/api/jobs/nightly/schedule/preview?cron=0 30 6 ? * MON-FRI").then().statusCode(200)
                .extract().jsonPath().getList("nextFireTimes");
        assertThat(next).hasSize(3);
        assertThat(t.asAdmin().get("/api/jobs/nightly/schedule/preview?cron=0 30 6 ? * MON-FRI").then().extract().path("schedule").toString())
                .isEqualTo("every weekday (Monday to Friday) at 06:30 Europe/London");

        Map<String, Object> changed = t.asAdmin().body(Map.of("cron", "0 15 3 * * ?")).put("/api/jobs/nightly/schedule")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(changed).containsEntry("cron", "0 15 3 * * ?").containsEntry("schedule", "every day at 03:15 Europe/London");
        assertThat((String) changed.get("nextFireAt")).isNotBlank();
        List<Map<String, Object>> audit = t.asAdmin().get("/api/audit?limit=5").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audit.get(0)).containsEntry("action", "schedule changed").containsEntry("actor", t.admin())
                .containsEntry("detail", "0 0 2 * * ? → 0 15 3 * * ?");
    }

    @Test
    void pauseAndResumeAreHarmlessTwiceAndAudited() {
        Api.TestTenant t = Api.aTenant();
        assertThat(t.asAdmin().post("/api/jobs/nightly/pause").then().statusCode(200).extract().path("message").toString())
                .isEqualTo("job 'nightly' paused");
        Map<String, Object> job = t.asAdmin().get("/api/jobs/nightly").then().extract().jsonPath().getMap("");
        assertThat(job).containsEntry("paused", true);
        assertThat(job.get("nextFireAt")).isNull();
        assertThat(t.asAdmin().post("/api/jobs/nightly/pause").then().statusCode(200).extract().path("message").toString())
                .contains("already paused");
        // a paused job still runs on demand
        Api.runNightly(t);
        assertThat(t.asAdmin().post("/api/jobs/nightly/resume").then().statusCode(200).extract().path("message").toString())
                .isEqualTo("job 'nightly' resumed");
        assertThat(t.asAdmin().post("/api/jobs/nightly/resume").then().statusCode(200).extract().path("message").toString())
                .contains("not paused");
        assertThat((String) t.asAdmin().get("/api/jobs/nightly").then().extract().path("nextFireAt")).isNotBlank();
        List<String> actions = t.asAdmin().get("/api/audit").then().extract().jsonPath().getList("action");
        assertThat(actions).containsSubsequence("resumed", "run now", "paused");
        assertThat(t.asAdmin().get("/api/audit").then().extract().jsonPath().getList("actor")).containsOnly(t.admin());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        Api.TestTenant t = Api.aTenant();
        assertProblem(t.asAdmin().post("/api/jobs/nope/runs"), 404, null);
        assertProblem(t.asAdmin().post("/api/jobs/nope/pause"), 404, null);
        assertProblem(t.asAdmin().body(Map.of("cron", "0 0 2 * * ?")).put("/api/jobs/nope/schedule"), 404, null);
        assertProblem(t.asAdmin().body(Map.of("from", "2025-02-01", "to", "2025-01-01")).post("/api/jobs/nightly/runs"), 400, "from");
        assertProblem(t.asAdmin().body(Map.of("from", "2020-01-01", "to", "2023-01-02")).post("/api/jobs/nightly/runs"), 400, "to");
        assertProblem(t.asAdmin().body(Map.of("from", "2025-01-01")).post("/api/jobs/nightly/runs"), 400, "to");
        assertProblem(t.asAdmin().body(Map.of("from", "2025-13-01", "to", "2025-12-01")).post("/api/jobs/nightly/runs"), 400, "from");
        assertProblem(t.asAdmin().body(Map.of("dryRun", true, "from", "2025-01-01", "to", "2025-01-02")).post("/api/jobs/nightly/runs"), 400, "dryRun");
        assertProblem(t.asAdmin().body("{\"dryRun\": \"maybe\"}").post("/api/jobs/nightly/runs"), 400, "dryRun");
        assertProblem(t.asAdmin().get("/api/runs?status=exploded"), 400, "status");
        assertProblem(t.asAdmin().get("/api/runs?trigger=moon"), 400, "trigger");
        assertProblem(t.asAdmin().get("/api/runs?limit=0"), 400, "limit");
        assertProblem(t.asAdmin().get("/api/runs?date=yesterday"), 400, "date");
        assertProblem(t.asAdmin().get("/api/audit?limit=100000"), 400, "limit");
        assertProblem(t.asAdmin().get("/api/jobs/nightly/schedule/preview"), 400, "cron");
        assertProblem(t.asManager().post("/api/jobs/nightly/pause"), 403, null);
        assertProblem(t.asManager().get("/api/jobs"), 403, null);
        // a range of exactly three years is fine
        long backfill = t.asAdmin().body(Map.of("from", "2022-01-01", "to", "2025-01-01")).post("/api/jobs/nightly/runs")
                .then().statusCode(202).extract().jsonPath().getLong("runId");
        assertThat(Api.awaitRun(t, backfill)).isEqualTo("succeeded");
    }

    @Test
    void theRunHistoryFiltersByJobStatusTriggerAndDate() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 5));
        long run = Api.runNightly(t);
        faults.failNext(t.id(), "ingest-and-clean", 99);
        long failed = Api.runNightly(t, "failed");
        faults.clear(t.id());
        assertThat(t.asAdmin().get("/api/runs?status=failed").then().statusCode(200).extract().jsonPath().getList("runId"))
                .containsExactly((int) failed);
        assertThat(t.asAdmin().get("/api/runs?status=succeeded&job=nightly&trigger=user").then().extract().jsonPath().getList("runId"))
                .containsExactly((int) run);
        assertThat(t.asAdmin().get("/api/runs?limit=1").then().extract().jsonPath().getList("runId")).containsExactly((int) failed);
        String today = LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        assertThat(t.asAdmin().get("/api/runs?date=" + today).then().extract().jsonPath().getList("runId")).hasSize(2);
        assertThat(t.asAdmin().get("/api/runs?date=2001-01-01").then().extract().jsonPath().getList("runId")).isEmpty();
        Map<String, Object> view = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getMap("");
        assertThat(view).containsEntry("trigger", "user").containsEntry("triggeredBy", t.admin()).containsEntry("dryRun", false);
    }

    private static void assertProblem(Response r, int status, String field) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.jsonPath().getString("field")).as(r.asString()).isEqualTo(field);
        }
    }
}
