package app.phare.tenant;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A baseline scan in the manner of OWASP ZAP's: every page reachable from the dashboard (logged in as an admin), the
 * login page, static files, API answers and refusals carry the security headers; no page has an inline script or an
 * inline event handler; cookies are HttpOnly and SameSite, and Secure with HSTS over https.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final Pattern LINK = Pattern.compile("(?:href|hx-get)=\"(/[^\"#?]*)");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=|\\shx-on[:-]", Pattern.CASE_INSENSITIVE);

    @Test
    void everyPageAndAnswerCarriesTheSecurityHeadersAndNoInlineScript() {
        Api.TestTenant t = Api.aTenant();
        Map<String, String> session = TenantIsolationTest.login(t.admin(), t.password());
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("/", "/admin"));
        while (!next.isEmpty() && seen.size() < 80) {
            String path = next.poll();
            if (!seen.add(path)) {
                continue;
            }
            Response r = RestAssured.given().redirects().follow(false).cookies(session).get(path);
            assertHeaders(r, path);
            assertThat(r.statusCode()).as(path).isLessThan(500);
            if (r.contentType() != null && r.contentType().startsWith("text/html")) {
                String html = r.asString();
                assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline script in %s", path).isFalse();
                assertThat(HANDLER.matcher(html).find()).as("inline event handler in %s", path).isFalse();
                Matcher m = LINK.matcher(html);
                while (m.find()) {
                    String link = m.group(1);
                    if (!link.endsWith(".csv") && !link.endsWith(".pdf") && !link.endsWith(".xlsx") && !link.contains("/stream")
                            && !link.equals("/logout")) {
                        next.add(link);
                    }
                }
            }
        }
        assertThat(seen).as("pages walked").contains("/", "/insights", "/live", "/sources", "/admin", "/admin/tokens")
                .hasSizeGreaterThan(15);
        for (String path : List.of("/login", "/static/phare.css", "/static/live.js", "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
                "/q/health/ready", "/api/sources", "/sources")) {
            assertHeaders(RestAssured.given().redirects().follow(false).get(path), path + " (anonymous)");
        }
        assertHeaders(t.asManager().get("/api/sources"), "/api/sources");
        Response login = TenantIsolationTest.loginForm(t.manager(), t.password());
        assertThat(login.getHeaders().getValues("Set-Cookie")).as("cookies over http").isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                        .doesNotContainIgnoringCase("Secure"));
        assertThat(login.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void overHttpsCookiesAreSecureAndHstsIsSent() {
        Api.TestTenant t = Api.aTenant();
        Response page = RestAssured.given().header("X-Forwarded-Proto", "https").get("/login");
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(page.getHeaders().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("phare-csrf="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
        String csrf = page.cookie("phare-csrf");
        Response login = RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("phare-csrf", csrf).formParam("csrf", csrf).formParam("j_username", t.manager())
                .formParam("j_password", t.password()).post("/j_security_check");
        List<String> cookies = login.getHeaders().getValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("quarkus-credential="))
                .anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=");
    }

    private static void assertHeaders(Response r, String what) {
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).as("CSP of %s", what).isNotNull().contains("frame-ancestors 'none'").contains("script-src 'self'");
        String scripts = csp.replaceAll(".*script-src([^;]*).*", "$1");
        assertThat(scripts).as("script-src of %s", what).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
        assertThat(r.header("Server")).as("server version leak in %s", what).isNull();
        assertThat(r.header("X-Powered-By")).as(what).isNull();
    }
}
