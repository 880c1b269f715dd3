package app.phare.common;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
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
    void textWithANulCharacterIsABadRequestNamingTheFieldNeverADatabaseError() {
        String nul = "Shop\u0000";
        assertProblem(Api.asOperator().body(Map.of("name", nul, "timezone", "Europe/Paris", "currency", "EUR", "locale", "fr-FR"))
                .post("/api/tenants"), 400, "name");
        assertProblem(tenant.asAdmin().body(Map.of("name", nul, "kind", "orders", "mapping", Api.plainMapping())).post("/api/sources"),
                400, "name");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", Api.plainMapping(),
                "format", Map.of("timezone", "Europe/Paris\u0000"))).post("/api/sources"), 400, "format.timezone");
        assertProblem(tenant.asAdmin().body(List.of(Map.of("kind", "report-ready\u0000", "inApp", true, "email", false)))
                .put("/api/notifications/preferences"), 400, "[0].kind");
        Response upload = tenant.asAdmin().contentType("text/csv").body(Api.PLAIN_HEADER)
                .queryParam("name", "orders\u0000.csv").post("/api/sources/" + source + "/files");
        assertProblem(upload, 400, "name");
        assertThat(upload.jsonPath().getString("detail")).isEqualTo("name contains a NUL character (\\u0000), which Phare cannot store");
        assertProblem(tenant.asAdmin().queryParam("job", "night\u0000ly").get("/api/runs"), 400, "job");
        assertProblem(tenant.asManager().queryParam("country", "Fr\u0000ance").get("/api/metrics/sales?from=2011-01-01&to=2011-03-01"),
                400, "country");
        Map<String, String> session = app.phare.tenant.TenantIsolationTestAccess.login(tenant);
        String page = RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"))
                .multiPart("file", "orders\u0000.csv", Api.PLAIN_HEADER.getBytes(), "text/csv")
                .post("/sources/" + source + "/files").then().statusCode(200).extract().asString();
        assertThat(page).contains("name contains a NUL character");
        Response form = RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"))
                .formParam("name", "Orders\u0000").formParam("orderId", "order").post("/sources");
        assertProblem(form, 400, "name");
        assertThat(tenant.asAdmin().get("/api/sources/" + source + "/files").then().extract().jsonPath().getList("")).isEmpty();
    }

    @Test
    void valuesAreRefusedNotRoundedOrClamped() {
        String freshness = "/api/sources/" + source + "/freshness";
        assertProblem(tenant.asAdmin().body(Map.of("warnAfterHours", 2.5, "errorAfterHours", 4)).put(freshness), 400, "warnAfterHours");
        assertProblem(tenant.asAdmin().body(Map.of("warnAfterHours", "soon", "errorAfterHours", 4)).put(freshness), 400, "warnAfterHours");
        assertProblem(tenant.asAdmin().body("{\"warnAfterHours\": 2, \"errorAfterHours\": 99999999999}").put(freshness), 400,
                "errorAfterHours");
        assertProblem(tenant.asAdmin().body(Map.of("warnAfterHours", 2, "errorAfterHours", 4, "colour", "blue")).put(freshness), 400, "colour");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", Api.plainMapping(),
                "format", Map.of("dateFormat", "[[["))).post("/api/sources"), 400, "format.dateFormat");
        assertProblem(tenant.asAdmin().body(Map.of("name", "S", "kind", "orders", "mapping", Api.plainMapping(),
                "format", Map.of("dateFormat", "MM/yyyy"))).post("/api/sources"), 400, "format.dateFormat");
        for (String currency : List.of("XXX", "XTS", "XAU")) {
            assertProblem(Api.asOperator().body(Map.of("name", "X " + currency, "timezone", "Europe/Paris", "currency", currency,
                    "locale", "fr-FR")).post("/api/tenants"), 400, "currency");
        }
        Api.aTenant("Africa/Dakar", "XOF", "fr-SN");
        assertProblem(tenant.asAdmin().get("/api/reports?limit=-5"), 400, "limit");
        assertProblem(tenant.asAdmin().get("/api/alerts/fired?limit=501"), 400, "limit");
        assertThat(tenant.asAdmin().get("/api/alerts/fired?limit=500").statusCode()).isEqualTo(200);
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
        assertProblem(tenant.asAdmin().post("/api/jobs/weekly/runs"), 404, null);
        assertProblem(tenant.asAdmin().get("/api/nothing-here"), 404, null);
    }

    @Test
    void numbersInPathsAndQueriesThatDoNotParseOrAreNegativeAreBadRequestsNamingTheParameter() throws Exception {
        Map<String, String> session = app.phare.tenant.TenantIsolationTestAccess.login(tenant);
        List<String> walked = new java.util.ArrayList<>();
        for (Route route : numericRoutes()) {
            for (String bad : List.of("abc", "-5")) {
                String url = route.url(bad);
                RequestSpecification request = url.startsWith("/api") ? tenant.asAdmin()
                        : RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"));
                if (!route.verb().equals("GET") && !route.verb().equals("DELETE")) {
                    request = route.consumes().startsWith("multipart") ? request.multiPart("note", "x")
                            : route.consumes().equals("application/json") ? request.body("{}") : request.formParam("note", "x");
                }
                Response r = request.request(route.verb(), url);
                assertThat(r.statusCode()).as(route.verb() + " " + url + ": " + r.asString()).isEqualTo(400);
                assertThat(r.jsonPath().getString("field")).as(route.verb() + " " + url).isEqualTo(route.parameter());
                assertThat(r.jsonPath().getString("detail")).as(url).contains(route.parameter());
                walked.add(route.verb() + " " + url);
            }
        }
        assertThat(walked).anyMatch(u -> u.startsWith("GET /api/runs/abc")).anyMatch(u -> u.contains("/api/reports?limit=-5"))
                .anyMatch(u -> u.contains("/api/alerts/fired?rule=abc")).anyMatch(u -> u.startsWith("POST /admin/tokens/abc/revoke"));
        assertProblem(tenant.asAdmin().get("/api/live/activity?limit=1.5"), 400, "limit");
        assertProblem(tenant.asAdmin().get("/api/runs?limit=0"), 400, "limit");
        assertProblem(tenant.asAdmin().get("/api/insights/anomalies?limit=99999999999"), 400, "limit");
    }

    /** One numeric path or query parameter of one resource method, found in the compiled application. */
    private record Route(String verb, String path, String parameter, boolean inQuery, String consumes) {

        String url(String bad) {
            String p = path.replaceAll("\\{job}", "nightly").replaceAll("\\{day}", "2025-01-01")
                    .replace("{" + parameter + "}", bad).replaceAll("\\{[^}]+}", "1");
            return inQuery ? p + "?" + parameter + "=" + bad : p;
        }
    }

    private static List<Route> numericRoutes() throws Exception {
        java.nio.file.Path classes = java.nio.file.Paths.get("target", "classes");
        List<Route> routes = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(classes.resolve("app/phare"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                Class<?> type = Class.forName(classes.relativize(f).toString().replace('/', '.').replace(".class", ""), false,
                        BadInputTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                    String verb = java.util.stream.Stream.of(m.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class))
                            .filter(java.util.Objects::nonNull).map(jakarta.ws.rs.HttpMethod::value).findFirst().orElse(null);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    jakarta.ws.rs.Consumes consumes = m.getAnnotation(jakarta.ws.rs.Consumes.class);
                    String mediaType = consumes == null || consumes.value()[0].equals("*/*") ? "application/json" : consumes.value()[0];
                    for (java.lang.reflect.Parameter p : m.getParameters()) {
                        if (!List.of(long.class, Long.class, int.class, Integer.class).contains(p.getType())) {
                            continue;
                        }
                        String inPath = p.isAnnotationPresent(jakarta.ws.rs.PathParam.class) ? p.getAnnotation(jakarta.ws.rs.PathParam.class).value()
                                : p.isAnnotationPresent(org.jboss.resteasy.reactive.RestPath.class) ? p.getName() : null;
                        String inQuery = p.isAnnotationPresent(jakarta.ws.rs.QueryParam.class) ? p.getAnnotation(jakarta.ws.rs.QueryParam.class).value()
                                : p.isAnnotationPresent(org.jboss.resteasy.reactive.RestQuery.class) ? p.getName() : null;
                        if (inPath != null || inQuery != null) {
                            routes.add(new Route(verb, path, inPath != null ? inPath : inQuery, inPath == null, mediaType));
                        }
                    }
                }
            }
        }
        assertThat(routes).hasSizeGreaterThan(30);
        return routes;
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
