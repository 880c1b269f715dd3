package app.phare.pipeline;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run reports what a run would do and writes nothing; a backfill re-derives aggregates from the facts. */
@QuarkusTest
class DryRunAndBackfillTest {

    @Test
    void aDryRunReportsPerFileWhatWouldBeLoadedAndWritesNothing() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        String bad = Api.PLAIN_HEADER + "B1,2025-05-02 10:00:00,MUG-1,Blue mug,0,4.50,C1,France,web\n"
                + "B2,2025-05-02 11:00:00,MUG-1,Blue mug,2,-3,C1,France,web\n"
                + "B3,2025-05-02 12:00:00,MUG-1,Blue mug,2,-7.5,C1,France,web\n";
        long good = Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 5, 1), 3));
        long withRejects = Api.upload(t, source, bad.getBytes());

        long run = t.asAdmin().body(Map.of("dryRun", true)).post("/api/jobs/nightly/runs").then().statusCode(202)
                .extract().jsonPath().getLong("runId");
        assertThat(Api.awaitRun(t, run)).isEqualTo("succeeded");
        Map<String, Object> view = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getMap("");
        assertThat(view).containsEntry("dryRun", true);
        List<Map<String, Object>> files = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("files");
        assertThat(files).hasSize(2);
        Map<String, Object> first = files.get(0);
        assertThat(first).containsEntry("fileId", (int) good).containsEntry("status", "checked")
                .containsEntry("linesRejected", 0).containsEntry("firstDay", "2025-05-01").containsEntry("lastDay", "2025-05-03")
                .containsEntry("days", 3);
        assertThat((Integer) first.get("linesLoaded")).isPositive();
        Map<String, Object> second = files.get(1);
        assertThat(second).containsEntry("fileId", (int) withRejects).containsEntry("linesRead", 3)
                .containsEntry("linesLoaded", 0).containsEntry("linesRejected", 3);
        assertThat((Map<String, Object>) second.get("rejectReasons"))
                .containsEntry("quantity is 0", 1).containsEntry("unit price must be positive, was …", 2);
        Map<String, Object> changed = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getMap("changedDays");
        assertThat(changed).containsEntry("count", 3).containsEntry("first", "2025-05-01").containsEntry("last", "2025-05-03");
        assertThat(t.asAdmin().get("/api/runs/" + run + "/rejects").then().statusCode(200).extract().asString())
                .contains("quantity is 0", "B2,2025-05-02");

        // nothing was written: the files still wait, no figures, no "as of"
        assertThat(t.asAdmin().get("/api/sources/" + source + "/files").then().extract().jsonPath().getList("status"))
                .containsOnly("pending");
        Map<String, Object> metrics = t.asManager().get("/api/metrics/sales?from=2025-05-01&to=2025-05-31&grain=day")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertThat((List<?>) metrics.get("rows")).isEmpty();
        assertThat(metrics.get("asOf")).isNull();

        // the real run then loads exactly what the dry run announced
        long real = Api.runNightly(t);
        List<Map<String, Object>> steps = t.asAdmin().get("/api/runs/" + real).then().extract().jsonPath().getList("steps");
        List<Map<String, Object>> drySteps = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("steps");
        assertThat(steps.get(1).get("rowsWritten")).isEqualTo(drySteps.get(1).get("rowsWritten"));
        assertThat(steps.get(0).get("rowsRejected")).isEqualTo(3);
    }

    @Test
    void aBackfillReDerivesTheAggregatesOfItsDaysFromTheFacts() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 6, 1), 10));
        Api.runNightly(t);
        String query = "/api/metrics/sales?from=2025-06-01&to=2025-06-10&grain=day&by=country";
        List<Object> before = t.asManager().get(query).then().extract().jsonPath().getList("rows");
        List<Object> month = t.asManager().get("/api/metrics/sales?from=2025-06-01&to=2025-06-30&grain=month").then().extract().jsonPath().getList("rows");

        // the aggregates of two days go wrong (a bug, a manual edit): the facts are still right
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE sales_day SET net_revenue_e7 = 0, orders = 999 WHERE tenant_id = ? AND day IN ('2025-06-03', '2025-06-04')");
             PreparedStatement del = c.prepareStatement("DELETE FROM sales_month WHERE tenant_id = ?")) {
            ps.setLong(1, t.id());
            assertThat(ps.executeUpdate()).isPositive();
            del.setLong(1, t.id());
            del.executeUpdate();
        }
        // (the API may still answer from memory: it keeps answers until a run of the tenant ends, a minute at most)

        long run = t.asAdmin().body(Map.of("from", "2025-06-03", "to", "2025-06-04")).post("/api/jobs/nightly/runs")
                .then().statusCode(202).extract().jsonPath().getLong("runId");
        assertThat(Api.awaitRun(t, run)).isEqualTo("succeeded");
        Map<String, Object> view = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getMap("");
        assertThat(view).containsEntry("from", "2025-06-03").containsEntry("to", "2025-06-04");
        List<Map<String, Object>> steps = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("steps");
        assertThat(steps).extracting(s -> s.get("name")).containsExactly("backfill");
        assertThat((Integer) steps.get(0).get("rowsRead")).isPositive();

        assertThat(t.asManager().get(query).then().extract().jsonPath().getList("rows")).isEqualTo(before);
        assertThat(t.asManager().get("/api/metrics/sales?from=2025-06-01&to=2025-06-30&grain=month").then().extract().jsonPath().getList("rows"))
                .isEqualTo(month);
        List<String> actions = t.asAdmin().get("/api/audit").then().extract().jsonPath().getList("action");
        assertThat(actions.get(0)).isEqualTo("backfill");
    }
}
