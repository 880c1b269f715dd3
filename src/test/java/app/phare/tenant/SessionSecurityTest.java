package app.phare.tenant;

import app.phare.testing.Api;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions end for good (logout, password reset), the login form needs its CSRF token, and password guessing is
 * slowed down then stopped, per account and per address, for the form and for HTTP Basic. The test profile throttles
 * quickly: delay 1 s after 5 failures, lock for 4 s after 8 (application.properties, %test).
 */
@QuarkusTest
class SessionSecurityTest {

    @Inject
    MockMailbox mailbox;

    private Api.TestTenant t;
    /** Each test comes from its own address, as a proxy would say (PHARE_TRUST_PROXY is on in tests). */
    private String address;

    @BeforeEach
    void aTenant() {
        t = Api.aTenant();
        address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void aSessionCookieReplayedAfterLogoutIsRefused() {
        Map<String, String> session = TenantIsolationTest.login(t.manager(), t.password());
        assertThat(page(session, "/sources").statusCode()).isEqualTo(200);
        Response logout = RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf")).post("/logout");
        assertThat(logout.statusCode()).isEqualTo(204);
        Response replayed = page(session, "/sources");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.header("Location")).endsWith("/login");
        // the browser drops the dead cookies on its way to the login page, so that the login page opens
        assertThat(replayed.getHeaders().getValues("Set-Cookie")).as("the dead cookies are cleared")
                .anySatisfy(c -> assertThat(c).startsWith("quarkus-credential=").containsIgnoringCase("Max-Age=0"))
                .anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "=").containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void aPasswordResetEndsTheUsersSessionsAndTheOldPassword() {
        Map<String, String> session = TenantIsolationTest.login(t.manager(), t.password());
        Map<String, String> adminSession = TenantIsolationTest.login(t.admin(), t.password());
        assertThat(t.asManager().get("/api/sources").statusCode()).isEqualTo(200); // remembered for a minute
        long managerId = t.asAdmin().get("/api/tenants/" + t.id() + "/users").then().extract().jsonPath()
                .getLong("find { it.email == '" + t.manager() + "' }.id");
        t.asAdmin().body(Map.of("password", "short")).put("/api/tenants/" + t.id() + "/users/" + managerId + "/password")
                .then().statusCode(400);
        t.asAdmin().body(Map.of("password", "a-new-long-password")).put("/api/tenants/" + t.id() + "/users/" + managerId + "/password")
                .then().statusCode(200);
        assertThat(page(session, "/sources").statusCode()).isEqualTo(302);
        assertThat(page(adminSession, "/sources").statusCode()).as("another user's session").isEqualTo(200);
        assertThat(t.asManager().get("/api/sources").statusCode()).isEqualTo(401);
        assertThat(Api.as(t.manager(), "a-new-long-password").get("/api/sources").statusCode()).isEqualTo(200);
        Api.TestTenant other = Api.aTenant();
        other.asAdmin().body(Map.of("password", "a-new-long-password"))
                .put("/api/tenants/" + t.id() + "/users/" + managerId + "/password").then().statusCode(404);
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        Response withoutToken = RestAssured.given().redirects().follow(false).formParam("j_username", t.manager())
                .formParam("j_password", t.password()).post("/j_security_check");
        assertThat(withoutToken.header("Location")).endsWith("/login?error=true");
        assertThat(withoutToken.getCookies()).doesNotContainKey(Sessions.COOKIE);
        Response forged = RestAssured.given().redirects().follow(false).cookie("phare-csrf", "a".repeat(32))
                .formParam("csrf", "b".repeat(32)).formParam("j_username", t.manager()).formParam("j_password", t.password())
                .post("/j_security_check");
        assertThat(forged.header("Location")).endsWith("/login?error=true");
        assertThat(TenantIsolationTest.loginForm(t.manager(), t.password()).header("Location")).doesNotContain("error");
    }

    @Test
    void theSixthWrongPasswordIsDelayedOnTheForm() {
        for (int i = 0; i < 5; i++) {
            String guess = "wrong-" + i;
            assertThat(millis(() -> formLogin(t.manager(), guess))).as("attempt %d", i + 1).isLessThan(900);
        }
        assertThat(millis(() -> formLogin(t.manager(), "wrong-6"))).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void theSixthWrongPasswordIsDelayedOnBasicAndUnknownEmailsAlike() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (String email : new String[] {t.manager(), unknown}) {
            for (int i = 0; i < 5; i++) {
                assertThat(millis(() -> basic(email, "wrong").statusCode())).as("%s attempt %d", email, i + 1).isLessThan(900);
            }
            long started = System.nanoTime();
            assertThat(basic(email, "wrong").statusCode()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).as(email).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void aLockedAccountRefusesTheRightPasswordUntilTheLockLiftsAndItsUserIsTold() {
        mailbox.clear();
        for (int i = 0; i < 8; i++) {
            assertThat(basic(t.manager(), "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(mailbox.getMailsSentTo(t.manager())).hasSize(1);
        assertThat(mailbox.getMailsSentTo(t.manager()).get(0).getText()).contains("paused");
        assertThat(basic(t.manager(), t.password()).statusCode()).as("right password while locked").isEqualTo(401);
        assertThat(formLogin(t.manager(), t.password()).header("Location")).endsWith("/login?error=true");
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> basic(t.manager(), t.password()).statusCode() == 200);
        assertThat(formLogin(t.manager(), t.password()).header("Location")).doesNotContain("error");
    }

    @Test
    void manyFailuresFromOneAddressSlowDownEveryAccountFromThere() {
        for (int i = 0; i < 12; i++) {
            basic("someone-" + i + "-" + UUID.randomUUID() + "@example.com", "guess");
        }
        assertThat(millis(() -> basic(t.admin(), "first-guess").statusCode())).isGreaterThanOrEqualTo(1000);
        address = "10.8.0.1";
        assertThat(millis(() -> basic(t.manager(), "first-guess").statusCode())).as("from another address").isLessThan(900);
    }

    private Response formLogin(String email, String password) {
        String csrf = RestAssured.given().get("/login").then().extract().cookie("phare-csrf");
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-For", address).cookie("phare-csrf", csrf)
                .formParam("csrf", csrf).formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
    }

    private Response basic(String email, String password) {
        return Api.as(email, password).header("X-Forwarded-For", address).get("/api/sources");
    }

    private static Response page(Map<String, String> session, String path) {
        return RestAssured.given().redirects().follow(false).cookies(session).get(path);
    }

    private static long millis(Runnable attempt) {
        long started = System.nanoTime();
        attempt.run();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
