package app.phare.source;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.StepFaults;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each source says when it was last ingested and whether that is fresh, getting old, or an error. */
@QuarkusTest
class FreshnessTest {

    @Inject
    StepFaults faults;

    @Test
    void freshnessFollowsTheLastSuccessfulIngestionAndTheSourcesThresholds() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        assertThat(freshness(t, source)).containsEntry("state", "error").containsEntry("reason", "no file ingested yet")
                .containsEntry("warnAfterHours", 26).containsEntry("errorAfterHours", 50);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 8, 1), 2));
        long run = Api.runNightly(t);
        Map<String, Object> fresh = freshness(t, source);
        assertThat(fresh).containsEntry("state", "fresh");
        assertThat((String) fresh.get("lastSuccessAt")).isNotBlank();

        ageRun(run, 30);
        assertThat(freshness(t, source)).containsEntry("state", "warn");
        assertThat((String) freshness(t, source).get("reason")).isEqualTo("last ingested 30 h ago (warning after 26 h)");
        ageRun(run, 51);
        assertThat(freshness(t, source)).containsEntry("state", "error");

        // thresholds are per source
        assertThat(t.asAdmin().body(Map.of("warnAfterHours", 60, "errorAfterHours", 100)).put("/api/sources/" + source + "/freshness")
                .then().statusCode(200).extract().jsonPath().getMap("freshness")).containsEntry("state", "fresh");
        assertThat(t.asAdmin().body(Map.of("warnAfterHours", 60, "errorAfterHours", 10)).put("/api/sources/" + source + "/freshness")
                .then().statusCode(400).extract().path("field").toString()).isEqualTo("freshness.errorAfterHours");
        assertThat(t.asManager().body(Map.of("warnAfterHours", 1, "errorAfterHours", 2)).put("/api/sources/" + source + "/freshness")
                .statusCode()).isEqualTo(403);

        // a failed run with files of the source waiting is an error at once; the dashboard says so
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 8, 3), 1));
        faults.failNext(t.id(), "ingest-and-clean", 99);
        try {
            Api.runNightly(t, "failed");
        } finally {
            faults.clear(t.id());
        }
        Map<String, Object> failed = freshness(t, source);
        assertThat(failed).containsEntry("state", "error");
        assertThat((String) failed.get("reason")).startsWith("the last run failed and its files wait");
        var session = app.phare.tenant.TenantIsolationTestAccess.login(t.manager(), t.password());
        String dashboard = RestAssured.given().cookies(session).get("/?preset=all").then().statusCode(200).extract().asString();
        assertThat(dashboard).contains("badge error").contains("the last run failed and its files wait").contains("as of");
    }

    private static Map<String, Object> freshness(Api.TestTenant t, long source) {
        return t.asManager().get("/api/sources/" + source).then().statusCode(200).extract().jsonPath().getMap("freshness");
    }

    private static void ageRun(long runId, int hours) throws Exception {
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE pipeline_run SET finished_at = now() - make_interval(hours => ?) WHERE id = ?")) {
            ps.setInt(1, hours);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }
}
