package app.phare.tenant;

import app.phare.testing.Api;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another tenant's data is never reachable: tenant B walks every API route and page with tenant A's ids. Also:
 * managers cannot trigger runs, anonymous API calls get 401 and anonymous page visits go to the login page.
 */
@QuarkusTest
public class TenantIsolationTest {

    /** Every JAX-RS resource class of the application; a new one must be added to the walk below. */
    private static final Set<String> WALKED = Set.of("TenantResource", "SourceResource", "FileResource", "RunResource",
            "MetricsResource", "DashboardPage", "SourcesPage", "LoginPage", "JobResource", "AdminPage",
            "NotificationResource", "NotificationsPage", "MarketingResource", "MarketingPage", "PipelineResource",
            "PipelinePage", "StockResource", "StockPage", "QualityPage", "ApiTokenResource", "ApiTokensPage", "EventResource",
            "LiveResource", "LivePage", "LiveAdminPage", "FraudResource", "PaymentCheckResource", "FraudPage", "ReportResource", "ReportsPage", "ReportAdminPage", "SubscriptionResource",
            "AlertResource", "AlertsPage", "InsightResource", "InsightsPage", "OperationsPage");

    private Api.TestTenant a;
    private Api.TestTenant b;
    private long sourceA;
    private long fileA;
    private long runA;

    @BeforeEach
    void tenantAHasData() {
        a = Api.aTenant();
        b = Api.aTenant();
        sourceA = Api.anOrdersSource(a, Api.plainMapping(), null);
        fileA = Api.upload(a, sourceA, (Api.PLAIN_HEADER + "X1,2025-01-27 10:00:00,SECRET-A,d,0,2,c,Atlantis,web\n"
                + new String(TestOrders.csv(LocalDate.of(2025, 1, 20), 5)).lines().skip(1).reduce("", (x, y) -> x + y + "\n"))
                .getBytes());
        runA = Api.runNightly(a);
        try (java.sql.Connection c = app.phare.testing.Database.connect();
             java.sql.PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO notification (tenant_id, user_id, kind, title) SELECT tenant_id, id, 'test', 'SECRET-NOTE-A'
                     FROM app_user WHERE tenant_id = ? AND role = 'admin' RETURNING id""")) {
            ps.setLong(1, a.id());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                noteA = rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long noteA;

    @Test
    void theWalkCoversEveryResourceOfTheApplication() throws IOException {
        java.nio.file.Path classes = Paths.get("target", "classes");
        Set<String> resources = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("app/phare"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
                try {
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type.getSimpleName());
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    // generated or test-only classes
                }
            }
        }
        assertThat(resources).hasSizeGreaterThanOrEqualTo(5);
        assertThat(WALKED).containsExactlyInAnyOrderElementsOf(resources);
    }

    @Test
    void tenantBReachesNoneOfTenantAsDataThroughTheApi() {
        RequestSpecification asB = b.asAdmin();
        assertThat(asB.get("/api/sources").then().statusCode(200).extract().jsonPath().getList("id")).doesNotContain((int) sourceA);
        for (String path : List.of("/api/sources/" + sourceA, "/api/sources/" + sourceA + "/files",
                "/api/sources/" + sourceA + "/files/" + fileA, "/api/runs/" + runA, "/api/runs/" + runA + "/rejects",
                "/api/runs/" + runA + "/quality",
                "/api/tenants/" + a.id(), "/api/tenants/" + a.id() + "/users")) {
            Response r = b.asAdmin().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.asString()).as(path).doesNotContain("SECRET-A", "Atlantis", a.admin());
        }
        assertThat(b.asAdmin().contentType("text/csv").body("x\n").post("/api/sources/" + sourceA + "/files").statusCode()).isEqualTo(404);
        assertThat(b.asAdmin().body(Map.of("email", "intruder@example.com", "password", "long-enough", "role", "admin"))
                .post("/api/tenants/" + a.id() + "/users").statusCode()).isEqualTo(404);
        assertThat(b.asAdmin().get("/api/runs").then().statusCode(200).extract().jsonPath().getList("runId")).doesNotContain((int) runA);
        assertThat(b.asAdmin().get("/api/tenants").then().statusCode(200).extract().jsonPath().getList("id")).containsExactly((int) b.id());
        String metrics = b.asAdmin().get("/api/metrics/sales?from=2000-01-01&to=2100-01-01&grain=month&by=country").then()
                .statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain("Atlantis", "United Kingdom");
        String products = b.asAdmin().get("/api/metrics/sales?from=2000-01-01&to=2100-01-01&grain=day&by=product").then()
                .statusCode(200).extract().asString();
        assertThat(products).doesNotContain("MUG-1");
        assertThat(b.asAdmin().get("/api/runs?job=nightly&limit=500").then().statusCode(200).extract().jsonPath().getList("runId"))
                .doesNotContain((int) runA);
        assertThat(b.asAdmin().get("/api/jobs").then().statusCode(200).extract().jsonPath().getList("lastRun")).containsOnlyNulls();
        String audit = b.asAdmin().get("/api/audit").then().statusCode(200).extract().asString();
        assertThat(audit).doesNotContain(a.admin()).doesNotContain("\"runId\":" + runA);
        assertThat(b.asAdmin().get("/api/notifications").then().statusCode(200).extract().asString()).doesNotContain("SECRET-NOTE-A");
        assertThat(b.asAdmin().post("/api/notifications/" + noteA + "/read").statusCode()).isEqualTo(404);
        assertThat(b.asAdmin().body(Map.of("warnAfterHours", 1, "errorAfterHours", 2)).put("/api/sources/" + sourceA + "/freshness")
                .statusCode()).isEqualTo(404);
        // deals, ad spend and stock of A stay A's
        long deals = Api.aSource(a, "crm_deals", Map.of("dealId", "id", "stage", "stage", "owner", "owner", "closedOn", "closed",
                "value", "value"), null, null);
        Api.upload(a, deals, "id,stage,owner,closed,value\nD1,Won,SECRET-AGENT,2025-01-10,100\n".getBytes());
        long ads = Api.aSource(a, "ad_campaigns", Map.of("day", "day", "campaign", "campaign", "spend", "spend"), null, null);
        Api.upload(a, ads, "day,campaign,spend\n2025-01-10,SECRET-CAMPAIGN,12.5\n".getBytes());
        long stock = Api.aSource(a, "inventory", Map.of("sku", "sku", "onHand", "on_hand"), null, null);
        Api.upload(a, stock, "sku,on_hand\nSECRET-SKU,7\n".getBytes());
        Api.runNightly(a);
        assertThat(a.asManager().get("/api/metrics/stock").then().statusCode(200).extract().asString()).contains("SECRET-SKU");
        for (String path : List.of("/api/metrics/pipeline?from=2000-01-01&to=2100-01-01&by=agent",
                "/api/metrics/marketing?from=2000-01-01&to=2100-01-01&by=campaign", "/api/metrics/stock")) {
            assertThat(b.asManager().get(path).then().statusCode(200).extract().asString()).as(path)
                    .doesNotContain("SECRET-AGENT", "SECRET-CAMPAIGN", "SECRET-SKU");
        }
        for (String page : List.of("/pipeline", "/marketing", "/stock", "/quality")) {
            var session = login(b.manager(), b.password());
            assertThat(RestAssured.given().cookies(session).get(page).then().statusCode(200).extract().asString()).as(page)
                    .doesNotContain("SECRET-AGENT", "SECRET-CAMPAIGN", "SECRET-SKU");
        }
        // B's own changes stay B's
        b.asAdmin().post("/api/jobs/nightly/pause").then().statusCode(200);
        assertThat(a.asAdmin().get("/api/jobs/nightly").then().extract().path("paused").toString()).isEqualTo("false");
        assertThat(a.asAdmin().get("/api/notifications").then().extract().asString()).contains("SECRET-NOTE-A");
        // A's own view of the same data works
        assertThat(a.asAdmin().get("/api/runs/" + runA + "/rejects").then().statusCode(200).extract().asString()).contains("SECRET-A");
    }

    @Test
    void tenantBReachesNoneOfTenantAsLiveDataOrTokens() {
        String tokenA = app.phare.testing.Events.aToken(a, "events:write");
        java.time.Instant now = java.time.Instant.now();
        app.phare.testing.Events.post(tokenA, List.of(app.phare.testing.Events.aPurchaseEvent("SECRET-EVENT", "SECRET-SESSION",
                "SECRET-ORDER", now, "77.00"), app.phare.testing.Events.aCartAdd("c1", "SECRET-SESSION", now, "SECRET-SKU", 1, "1.00")));
        long tokenId = a.asAdmin().get("/api/tokens").then().extract().jsonPath().getLong("[0].id");
        String listed = b.asAdmin().get("/api/tokens").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain(a.admin()).isEqualTo("[]");
        assertThat(b.asAdmin().delete("/api/tokens/" + tokenId).statusCode()).isEqualTo(404);
        for (String path : List.of("/api/live/today", "/api/live/activity", "/api/live/carts", "/api/live/reconciliations",
                "/api/live/days/" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")))) {
            assertThat(b.asManager().get(path).then().statusCode(200).extract().asString()).as(path)
                    .doesNotContain("SECRET-EVENT", "SECRET-SESSION", "SECRET-ORDER");
        }
        assertThat(b.asManager().get("/api/live/today").then().extract().jsonPath().getInt("orders")).isZero();
        var session = login(b.admin(), b.password());
        for (String page : List.of("/live", "/live/tiles", "/admin/tokens", "/admin/live")) {
            assertThat(RestAssured.given().cookies(session).get(page).then().statusCode(200).extract().asString()).as(page)
                    .doesNotContain("SECRET-EVENT", "SECRET-SESSION", "SECRET-ORDER", a.admin());
        }
        assertThat(RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"))
                .post("/admin/tokens/" + tokenId + "/revoke").then().statusCode(200).extract().asString()).contains("does not exist");
        assertThat(a.asAdmin().get("/api/tokens").then().extract().jsonPath().getBoolean("[0].active")).isTrue();
        // the same event id in B is B's own event, not a duplicate of A's
        String tokenB = app.phare.testing.Events.aToken(b, "events:write");
        assertThat(app.phare.testing.Events.post(tokenB, List.of(app.phare.testing.Events.aPurchaseEvent("SECRET-EVENT", "s",
                "o", now, "1.00"))).getInt("accepted")).isEqualTo(1);
        assertThat(a.asManager().get("/api/live/today").then().extract().jsonPath().getInt("orders")).isEqualTo(1);
        // payment checks and their decisions stay A's
        String payA = app.phare.testing.Events.aToken(a, "payments:check");
        app.phare.testing.Events.withToken(payA).body(Map.of("paymentId", "SECRET-PAY-A", "amount", 10, "currency", "GBP",
                "occurredAt", now.toString())).post("/api/payments/check").then().statusCode(200);
        org.awaitility.Awaitility.await().until(() -> a.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath()
                .getList("id").size() == 1);
        int checkA = a.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath().getInt("[0].id");
        assertThat(b.asAdmin().get("/api/fraud/decisions").then().statusCode(200).extract().asString()).doesNotContain("SECRET-PAY-A");
        assertThat(b.asAdmin().post("/api/fraud/decisions/" + checkA + "/false-positive").statusCode()).isEqualTo(404);
        assertThat(RestAssured.given().cookies(session).get("/fraud").then().statusCode(200).extract().asString())
                .doesNotContain("SECRET-PAY-A");
    }

    @Test
    void tenantBReachesNoneOfTenantAsInsightsOrAlertRules() {
        long rule = a.asAdmin().body(Map.of("name", "SECRET-RULE", "kpi", "orders", "condition", "above", "threshold", 1))
                .post("/api/alerts/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(b.asAdmin().get("/api/alerts/rules").then().statusCode(200).extract().asString()).doesNotContain("SECRET-RULE");
        assertThat(b.asAdmin().get("/api/alerts/rules/" + rule).statusCode()).isEqualTo(404);
        assertThat(b.asAdmin().body(Map.of("name", "taken")).put("/api/alerts/rules/" + rule).statusCode()).isEqualTo(404);
        assertThat(b.asAdmin().delete("/api/alerts/rules/" + rule).statusCode()).isEqualTo(404);
        assertThat(b.asAdmin().get("/api/insights/forecasts").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(b.asAdmin().get("/api/insights/anomalies").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        Map<String, String> session = login(b.admin(), b.password());
        for (String page : List.of("/alerts", "/insights", "/stock")) {
            assertThat(RestAssured.given().cookies(session).get(page).then().statusCode(200).extract().asString()).as(page)
                    .doesNotContain("SECRET-RULE", a.admin());
        }
        assertThat(RestAssured.given().cookies(session).get("/alerts/rules/" + rule + "/edit").statusCode()).isEqualTo(404);
        assertThat(RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"))
                .post("/alerts/rules/" + rule + "/mute").statusCode()).isEqualTo(404);
        assertThat(a.asAdmin().get("/api/alerts/rules/" + rule).then().extract().jsonPath().getBoolean("muted")).isFalse();
    }

    @Test
    void tenantBReachesNoneOfTenantAsDataThroughThePages() {
        Map<String, String> session = login(b.admin(), b.password());
        String sources = RestAssured.given().cookies(session).get("/sources").then().statusCode(200).extract().asString();
        assertThat(sources).doesNotContain("SECRET-A", a.name());
        String dashboard = RestAssured.given().cookies(session).get("/?preset=all").then().statusCode(200).extract().asString();
        assertThat(dashboard).contains("No sales yet").doesNotContain("Atlantis");
        assertThat(RestAssured.given().cookies(session).get("/sources/runs/" + runA + "/rejects.csv").statusCode()).isEqualTo(404);
        String csrf = session.get("phare-csrf");
        String upload = RestAssured.given().cookies(session).header("X-CSRF-Token", csrf).multiPart("file", "x.csv", "a,b\n".getBytes())
                .post("/sources/" + sourceA + "/files").then().statusCode(200).extract().asString();
        assertThat(upload).contains("source " + sourceA + " does not exist");
        assertThat(a.asAdmin().get("/api/sources/" + sourceA + "/files").then().extract().jsonPath().getList("fileId")).hasSize(1);
        String admin = RestAssured.given().cookies(session).get("/admin").then().statusCode(200).extract().asString();
        assertThat(admin).doesNotContain("/admin/runs/" + runA + "\"").doesNotContain(a.admin());
        String operations = RestAssured.given().cookies(session).get("/admin/operations").then().statusCode(200).extract().asString();
        assertThat(operations).contains("Operations").doesNotContain("/admin/runs/" + runA + "\"");
        String history = RestAssured.given().cookies(session).get("/admin/runs?status=succeeded").then().statusCode(200).extract().asString();
        assertThat(history).doesNotContain("/admin/runs/" + runA + "\"");
        assertThat(RestAssured.given().cookies(session).get("/admin/runs/" + runA).statusCode()).isEqualTo(404);
        assertThat(RestAssured.given().cookies(session).get("/admin/runs/" + runA + "/rejects.csv").statusCode()).isEqualTo(404);
        assertThat(RestAssured.given().cookies(session).get("/notifications").then().statusCode(200).extract().asString())
                .doesNotContain("SECRET-NOTE-A");
        assertThat(RestAssured.given().cookies(session).header("X-CSRF-Token", csrf).post("/notifications/" + noteA + "/read")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void managersCannotTriggerRunsAndAnonymousCallersMustLogIn() {
        assertThat(a.asManager().post("/api/jobs/nightly/runs").statusCode()).isEqualTo(403);
        assertThat(a.asManager().get("/api/runs/" + runA).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/sources", "/api/runs/" + runA, "/api/metrics/sales?from=2025-01-01&to=2025-01-31",
                "/api/tenants")) {
            assertThat(RestAssured.given().get(path).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(RestAssured.given().auth().preemptive().basic(a.admin(), "wrong-password").get("/api/sources").statusCode())
                .isEqualTo(401);
        assertThat(RestAssured.given().get("/api/sources").header("WWW-Authenticate")).startsWith("Basic");
        Response wrong = loginForm(a.admin(), "wrong-password");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error=true");
        assertThat(RestAssured.given().get("/login?error=true").asString()).contains("Wrong e-mail or password");
        assertThat(RestAssured.given().post("/api/jobs/nightly/runs").statusCode()).isEqualTo(401);
        for (String path : List.of("/api/jobs", "/api/audit", "/api/notifications")) {
            assertThat(RestAssured.given().get(path).statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/", "/sources", "/admin", "/notifications")) {
            Response r = RestAssured.given().redirects().follow(false).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).endsWith("/login");
        }
        assertThat(RestAssured.given().get("/login").statusCode()).isEqualTo(200);
        assertThat(RestAssured.given().get("/q/health/ready").statusCode()).isEqualTo(200);
        Map<String, String> manager = login(a.manager(), a.password());
        assertThat(RestAssured.given().cookies(manager).header("X-CSRF-Token", manager.get("phare-csrf"))
                .post("/sources/runs").statusCode()).isEqualTo(403);
        assertThat(RestAssured.given().cookies(manager).get("/admin").statusCode()).isEqualTo(403);
        assertThat(RestAssured.given().cookies(manager).header("X-CSRF-Token", manager.get("phare-csrf"))
                .post("/admin/jobs/nightly/run").statusCode()).isEqualTo(403);
        assertThat(RestAssured.given().cookies(manager).get("/notifications").statusCode()).isEqualTo(200);
        assertThat(a.asManager().get("/api/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void stateChangingPageRequestsNeedTheCsrfToken() {
        Map<String, String> session = login(a.admin(), a.password());
        assertThat(RestAssured.given().cookies(session).post("/sources/runs").statusCode()).isEqualTo(403);
        assertThat(RestAssured.given().cookies(session).header("X-CSRF-Token", "0".repeat(32)).post("/sources/runs").statusCode())
                .isEqualTo(403);
        assertThat(RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf")).post("/sources/runs")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Response r = loginForm(a.manager(), a.password());
        String cookie = r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Map<String, String> session = login(a.manager(), a.password());
        Response logout = RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf")).post("/logout");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("quarkus-credential=;") || c.contains("Max-Age=0"));
    }

    /** Logs in through the form and loads a page, returning the session and CSRF cookies. */
    public static Map<String, String> login(String email, String password) {
        Response r = loginForm(email, password);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).doesNotContain("error");
        Map<String, String> cookies = new java.util.HashMap<>(r.getCookies());
        Response page = RestAssured.given().cookies(cookies).get("/sources");
        cookies.putAll(page.getCookies());
        return cookies;
    }

    /** Posts the login form as a browser does: with the CSRF token the login page gave (cookie and field). */
    public static Response loginForm(String email, String password) {
        String csrf = RestAssured.given().get("/login").then().statusCode(200).extract().cookie("phare-csrf");
        return RestAssured.given().redirects().follow(false).cookie("phare-csrf", csrf).formParam("csrf", csrf)
                .formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
    }
}
