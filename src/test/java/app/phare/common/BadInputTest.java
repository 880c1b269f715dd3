package app.phare.common;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear RFC 9457 problem naming the field, never a 500 or a stack trace. */
@QuarkusTest
class BadInputTest {

    private Api.TestTenant tenant;
    private long source;

    @BeforeEach
    void aTenantWithASource() {
        tenant = Api.aTenant();
        source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(Api.asOperator().body("{\"name\": \"x\", ").post("/api/tenants"), 400, null);
        assertProblem(Api.asOperator().body("[1, 2]").post("/api/tenants"), 400, null);
    }

    @Test
    void tenantFieldsAreCheckedAndNamed() {
        assertProblem(Api.asOperator().body(Map.of("name", "X", "timezone", "Mars/Olympus", "currency", "EUR", "locale", "fr-FR"))
                .post("/api/tenants"), 400, "timezone");
        assertProblem(Api.asOperator().body(Map.of("name", "X", "timezone", "Europe/Paris", "currency", "EURO", "locale", "fr-FR"))
                .post("/api/tenants"), 400, "currency");
        assertProblem(Api.asOperator().body(Map.of("name", "X", "timezone", "Europe/Paris", "currency", "EUR", "locale", "xx-QQ"))
                .post("/api/tenants"), 400, "locale");
        assertProblem(Api.asOperator().body(Map.of("timezone", "Europe/Paris", "currency", "EUR", "locale", "fr-FR"))
                .post("/api/tenants"), 400, "name");
        assertProblem(Api.asOperator().body(Map.of("name", tenant.name(), "timezone", "Europe/Paris", "currency", "EUR", "locale", "fr-FR"))
                .post("/api/tenants"), 409, "name");
    }

    @Test
    void userFieldsAreCheckedAndNamed() {
        String users = "/api/tenants/" + tenant.id() + "/users";
        assertProblem(tenant.asAdmin().body(Map.of("email", "a@b.c", "password", "long-enough", "role", "owner")).post(users), 400, "role");
        assertProblem(tenant.asAdmin().body(Map.of("email", "not-an-email", "password", "long-enough", "role", "manager")).post(users), 400, "email");
        assertProblem(tenant.asAdmin().body(Map.of("email", "short@example.com", "password", "short", "role", "manager")).post(users), 400, "password");
        assertProblem(tenant.asAdmin().body(Map.of("email", tenant.manager(), "password", "long-enough", "role", "manager")).post(users), 409, "email");
    }

    @Test
    void sourceFieldsAreCheckedAndNamed() {
        Map<String, Object> mapping = Api.plainMapping();
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "invoices", "mapping", mapping)).post("/api/sources"), 400, "kind");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping,
                "format", Map.of("dateFormat", "yyyy-MM-dd {"))).post("/api/sources"), 400, "format.dateFormat");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping,
                "format", Map.of("encoding", "UTF-99"))).post("/api/sources"), 400, "format.encoding");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping,
                "format", Map.of("dateFormat", "dd/MM/yyyy hh:mm"))).post("/api/sources"), 400, "format.dateFormat");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping,
                "format", Map.of("timezone", "Europe/Atlantis"))).post("/api/sources"), 400, "format.timezone");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping,
                "format", Map.of("delimiter", ";;"))).post("/api/sources"), 400, "format.delimiter");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping,
                "format", Map.of("header", "maybe"))).post("/api/sources"), 400, "format.header");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", Map.of("orderId", "o")))
                .post("/api/sources"), 400, "mapping.orderedAt");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", mapping, "colour", "blue"))
                .post("/api/sources"), 400, "colour");
    }

    @Test
    void metricsQueriesAreCheckedAndNamed() {
        String base = "/api/metrics/sales?";
        assertProblem(tenant.asManager().get(base + "from=2011-02-30&to=2011-03-01"), 400, "from");
        assertProblem(tenant.asManager().get(base + "from=2011-01-01&to=yesterday"), 400, "to");
        assertProblem(tenant.asManager().get(base + "from=2011-03-01&to=2011-01-01"), 400, "from");
        assertProblem(tenant.asManager().get(base + "from=2011-01-01&to=2011-03-01&grain=week"), 400, "grain");
        assertProblem(tenant.asManager().get(base + "from=2011-01-01&to=2011-03-01&by=region"), 400, "by");
        assertProblem(tenant.asManager().get(base + "to=2011-03-01"), 400, "from");
        assertProblem(tenant.asManager().get(base + "from=2011-01-01&to=2011-03-01&by=product&country=France"), 400, "by");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertProblem(tenant.asAdmin().get("/api/sources/987654321"), 404, null);
        assertProblem(tenant.asAdmin().get("/api/runs/987654321"), 404, null);
        assertProblem(tenant.asAdmin().get("/api/runs/987654321/rejects"), 404, null);
        assertProblem(tenant.asAdmin().get("/api/sources/" + source + "/files/987654321"), 404, null);
        assertProblem(tenant.asAdmin().get("/api/sources/not-a-number"), 404, null);
        assertProblem(tenant.asAdmin().post("/api/jobs/weekly/runs"), 404, null);
        assertProblem(tenant.asAdmin().get("/api/nothing-here"), 404, null);
    }

    @Test
    void pagesShowAnErrorPageNotAStackTrace() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        String page = RestAssured.given().accept(browser).cookies(app.phare.tenant.TenantIsolationTestAccess.login(tenant))
                .get("/sources/runs/987654321/rejects.csv").then().statusCode(404).extract().asString();
        assertThat(page).contains("Not found").doesNotContain("Exception", "at app.phare");
    }

    private static void assertProblem(Response r, int status, String field) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(r.jsonPath().getString("title")).isNotBlank();
        assertThat(r.jsonPath().getString("detail")).isNotBlank();
        assertThat(r.jsonPath().getString("type")).startsWith("https://");
        if (field != null) {
            assertThat(r.jsonPath().getString("field")).as(r.asString()).isEqualTo(field);
        }
        assertThat(r.asString()).doesNotContain("Exception", "at app.phare", "at java.");
    }
}
