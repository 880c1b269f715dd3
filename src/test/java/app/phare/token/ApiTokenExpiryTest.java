package app.phare.token;

import app.phare.tenant.TenantIsolationTest;
import app.phare.testing.Api;
import app.phare.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens may carry an expiry: past it the token is refused with 401 saying why, and the list shows it. */
@QuarkusTest
class ApiTokenExpiryTest {

    @Test
    void anExpiredTokenIsRefusedWithItsReason() {
        Api.TestTenant t = Api.aTenant();
        Instant expiresAt = Instant.now().plusSeconds(3);
        String token = t.asAdmin().body(Map.of("name", "short-lived", "scopes", List.of("events:write"),
                "expiresAt", expiresAt.toString())).post("/api/tokens").then().statusCode(201).extract().path("token");
        List<Map<String, Object>> batch = List.of(Events.aPageView("e-" + System.nanoTime(), "s", Instant.now()));
        assertThat(Events.withToken(token).body(batch).post("/api/events").statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt.plusMillis(200)));
        Response refused = Events.withToken(token).body(batch).post("/api/events");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token").contains("expired at");
        assertThat(t.asAdmin().get("/api/tokens").then().extract().jsonPath().getBoolean("[0].active")).isFalse();
        assertThat(t.asAdmin().get("/api/tokens").then().extract().jsonPath().getBoolean("[0].expired")).isTrue();
        Response unknown = Events.withToken("phr_unknown").body(batch).post("/api/events");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).doesNotContain("expired");
    }

    @Test
    void anExpiryInThePastIsRefusedAndThePageSetsAndShowsIt() {
        Api.TestTenant t = Api.aTenant();
        t.asAdmin().body(Map.of("name", "already over", "scopes", List.of("events:write"), "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/tokens").then().statusCode(400);
        Map<String, String> session = TenantIsolationTest.login(t.admin(), t.password());
        String page = RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"))
                .formParam("name", "quarterly").formParam("scope", "events:write").formParam("expiresInDays", "90")
                .post("/admin/tokens").then().statusCode(200).extract().asString();
        assertThat(page).contains("It expires on").contains("<th>Expires</th>");
        Instant expires = Instant.parse(t.asAdmin().get("/api/tokens").then().extract().jsonPath().getString("[0].expiresAt"));
        assertThat(Duration.between(Instant.now(), expires).toDays()).isBetween(89L, 90L);
        String wrong = RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf"))
                .formParam("name", "odd").formParam("scope", "events:write").formParam("expiresInDays", "soon")
                .post("/admin/tokens").then().statusCode(200).extract().asString();
        assertThat(wrong).contains("is not a number of days");
    }
}
