package app.phare.ops;

import app.phare.testing.Api;
import app.phare.testing.TestOrders;
import app.phare.tenant.TenantIsolationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost of each run in its history and per month, and the Operations section of /admin (admins only). */
@QuarkusTest
class OperationsPanelTest {

    @Test
    void eachRunRecordsItsCostAndTheOperationsSectionShowsItWithTheInstancesFigures() {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 40));
        long run = Api.runNightly(t);

        // the cost is written once the run's after-work (insights, alerts) is done too
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().get("cpuMillis") != null);
        JsonPath r = t.asAdmin().get("/api/runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(r.getLong("cpuMillis")).as("the application's CPU while the run ran").isPositive();
        assertThat(r.getLong("dbMillis")).as("database statement time").isNotNegative();

        Map<String, String> admin = TenantIsolationTest.login(t.admin(), t.password());
        String section = RestAssured.given().cookies(admin).get("/admin/operations").then().statusCode(200).extract().asString();
        assertThat(section).contains("Ingest speed (median)").contains("rows/s").contains("Event lag p95").contains("Reports queued")
                .contains("HTTP errors (5xx)").contains("/admin/runs/" + run + "\"").contains("The cost of the night, per month");
        String month = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris")).toString().substring(0, 7);
        assertThat(section).contains("<td>" + month + "</td>");
        String history = RestAssured.given().cookies(admin).get("/admin/runs").then().statusCode(200).extract().asString();
        assertThat(history).contains("CPU s").contains("DB s");

        Map<String, String> manager = TenantIsolationTest.login(t.manager(), t.password());
        assertThat(RestAssured.given().cookies(manager).get("/admin/operations").statusCode()).isEqualTo(403);
    }
}
