package app.phare.pipeline;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.StepFaults;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run left "running" by an instance that died is marked interrupted and retried by a recovery run; a run that a
 * live instance executes is left alone. (The packaged-application test kills a real instance mid-run.)
 */
@QuarkusTest
class RunRecoveryTest {

    @Inject
    RunRecovery recovery;

    @Inject
    StepFaults faults;

    @Test
    void aRunWhoseInstanceDiedIsMarkedInterruptedAndRetried() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 7, 1), 5));
        long orphan;
        // what a crashed instance leaves behind: a run marked running, its work rolled back, no one holding its lock
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO pipeline_run (tenant_id, job, status, trigger_kind, requested_by, started_at, attempts)
                     VALUES (?, 'nightly', 'running', 'schedule', NULL, now() - interval '1 minute', 1) RETURNING id""")) {
            ps.setLong(1, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                orphan = rs.getLong(1);
            }
        }
        assertThat(t.asAdmin().post("/api/jobs/nightly/runs").then().statusCode(409).extract().jsonPath().getLong("runId"))
                .isEqualTo(orphan);

        assertThat(recovery.recover()).isGreaterThanOrEqualTo(1);

        Map<String, Object> interrupted = t.asAdmin().get("/api/runs/" + orphan).then().extract().jsonPath().getMap("");
        assertThat(interrupted).containsEntry("status", "interrupted");
        assertThat((String) interrupted.get("error")).contains("interrupted");
        List<Map<String, Object>> runs = t.asAdmin().get("/api/runs?trigger=recovery").then().extract().jsonPath().getList("");
        assertThat(runs).hasSize(1);
        long retry = ((Number) runs.get(0).get("runId")).longValue();
        assertThat(runs.get(0)).containsEntry("retryOf", (int) orphan);
        assertThat(Api.awaitRun(t, retry)).isEqualTo("succeeded");
        assertThat(t.asManager().get("/api/metrics/sales?from=2025-07-01&to=2025-07-31&grain=month").then()
                .extract().jsonPath().getList("rows.orders")).containsExactly(TestOrders.ordersIn(5));
        List<String> actions = t.asAdmin().get("/api/audit").then().extract().jsonPath().getList("action");
        assertThat(actions).contains("recovery");
    }

    @Test
    void aRunALiveInstanceIsExecutingIsLeftAlone() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 7, 1), 2));
        faults.hold(t.id());
        try {
            long run = t.asAdmin().post("/api/jobs/nightly/runs").then().statusCode(202).extract().jsonPath().getLong("runId");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    "running".equals(t.asAdmin().get("/api/runs/" + run).then().extract().path("status")));
            recovery.recover();
            assertThat(t.asAdmin().get("/api/runs/" + run).then().extract().path("status").toString()).isEqualTo("running");
            faults.release(t.id());
            assertThat(Api.awaitRun(t, run)).isEqualTo("succeeded");
            assertThat(t.asAdmin().get("/api/runs?trigger=recovery").then().extract().jsonPath().getList("")).isEmpty();
        } finally {
            faults.clear(t.id());
        }
    }
}
