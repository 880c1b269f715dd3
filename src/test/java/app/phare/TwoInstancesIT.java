package app.phare;

import app.phare.common.db.EmbeddedDatabase;
import app.phare.testing.PackagedApp;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged application on one PostgreSQL (Quartz clustered on its JDBC store): a schedule
 * firing every 20 seconds for a minute gives exactly three runs, none overlapping, wherever Quartz puts them; a
 * manual trigger runs once; and fires of a minute schedule missed while every instance was down run once when one
 * comes back. Also: a browser session logged out on one instance is refused on both.
 */
class TwoInstancesIT {

    private final List<PackagedApp> apps = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedApp app : apps) {
            app.stop();
        }
    }

    private record Run(long id, String trigger, Instant queued, Instant started, Instant finished, String status, String instance) {
    }

    @Test
    void eachFireRunsExactlyOnceOnOneOfTwoInstancesAndMissedFiresRunOnce() throws Exception {
        Path dir = Files.createTempDirectory("phare-two-");
        int base = 18_600 + (int) (ProcessHandle.current().pid() % 300);
        Map<String, String> db = EmbeddedDatabase.start(dir.resolve("shared-postgres"), 0);
        String url = db.get("quarkus.datasource.jdbc.url");
        Map<String, String> env = Map.of("PHARE_DEMO_DATA", "false", "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "",
                "PHARE_SCHEDULE_MIN_INTERVAL", "10s");
        // one shared working directory: uploads and the session key live in the data directory (a shared volume)
        PackagedApp first = new PackagedApp(dir, base, env);
        PackagedApp second = new PackagedApp(dir, base + 1, env);
        apps.add(first);
        apps.add(second);
        first.start();
        second.start();

        // a browser session works on both instances; once logged out on one, its replayed cookies are refused on both
        String session = logIn(first);
        assertThat(page(second, "/sources", session).statusCode()).isEqualTo(200);
        assertThat(page(first, "/sources", session).statusCode()).isEqualTo(200);
        HttpResponse<String> logout = HTTP.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/logout"))
                .header("Cookie", session).header("X-CSRF-Token", cookie(session, "phare-csrf"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(page(first, "/sources", session).statusCode()).as("replayed on the same instance").isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> page(second, "/sources", session).statusCode() == 302);

        // a manual trigger on either instance runs once
        long manual = JsonPath.from(second.post("/api/jobs/nightly/runs", null).body()).getLong("runId");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(first, manual).equals("succeeded"));

        // every 20 seconds, for a minute
        Instant from = Instant.now();
        assertThat(first.put("/api/jobs/nightly/schedule", "{\"cron\": \"0/20 * * * * ?\"}").statusCode()).isEqualTo(200);
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> finishedScheduled(c, from).size() >= 3);
            // from now on every minute (the next fire is tens of seconds away: nothing runs while the instances stop)
            assertThat(second.put("/api/jobs/nightly/schedule", "{\"cron\": \"0 * * * * ?\"}").statusCode()).isEqualTo(200);
            Instant changedAt = Instant.now();
            List<Run> runs = scheduled(c, from);
            assertThat(runs).as("fires between %s and %s", from, changedAt).hasSize(3);
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                assertThat(r.status()).isEqualTo("succeeded");
                assertThat(r.queued().atOffset(ZoneOffset.UTC).getSecond() % 20).as("fired on its 20 seconds").isLessThan(8);
                if (i > 0) {
                    assertThat(r.started()).as("no overlap").isAfter(runs.get(i - 1).finished());
                    assertThat(ChronoUnit.MILLIS.between(runs.get(i - 1).queued(), r.queued())).isBetween(15_000L, 25_000L);
                }
            }
            System.out.println("Scheduled runs on two instances: " + runs);

            // every instance down across two fire times of the minute schedule: one run when one comes back, not one per
            // missed fire; they stop early in a minute, so that no fire lands while they shut down
            Awaitility.await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(200))
                    .until(() -> finishedScheduled(c, from).size() == scheduled(c, from).size()
                            && secondOfMinute() >= 2 && secondOfMinute() <= 30);
            first.stop();
            second.stop();
            Instant down = Instant.now();
            // come back at second 5 of the minute two fires later: one fire is over a minute late (a misfire)
            Instant restartAt = down.truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES).plusSeconds(5);
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Instant.now().isAfter(restartAt));
            first.start();
            Instant nextRegularFire = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !scheduled(c, down).isEmpty());
            // then the schedule goes on as usual: one run at the next minute
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> finishedScheduled(c, nextRegularFire.minusSeconds(1)).size() == 1);
            List<Run> caughtUp = scheduled(c, down).stream().filter(r -> r.queued().isBefore(nextRegularFire)).toList();
            assertThat(caughtUp).as("missed fires since %s", down).hasSize(1);
            assertThat(scheduled(c, down)).hasSize(2);
            assertThat(first.post("/api/jobs/nightly/pause", null).statusCode()).isEqualTo(200);
            System.out.println("After a restart with two missed fires: " + scheduled(c, down));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Logs in through the login form as a browser does; returns the Cookie header of the session. */
    private static String logIn(PackagedApp app) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> cookies = new LinkedHashMap<>(cookies(form));
        String csrf = cookies.get("phare-csrf");
        String body = "csrf=" + csrf + "&j_username=" + URLEncoder.encode("admin@demo.local", StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(PackagedApp.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "phare-csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        cookies.putAll(cookies(login));
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
    }

    private static Map<String, String> cookies(HttpResponse<?> r) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            found.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return found;
    }

    private static String cookie(String header, String name) {
        for (String pair : header.split("; ")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no cookie " + name + " in " + header);
    }

    private static HttpResponse<String> page(PackagedApp app, String path, String session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int secondOfMinute() {
        return Instant.now().atOffset(ZoneOffset.UTC).getSecond();
    }

    private static String status(PackagedApp app, long run) throws Exception {
        return JsonPath.from(app.get("/api/runs/" + run).body()).getString("status");
    }

    private static List<Run> finishedScheduled(Connection c, Instant since) throws Exception {
        return scheduled(c, since).stream().filter(r -> r.finished() != null).toList();
    }

    private static List<Run> scheduled(Connection c, Instant since) throws Exception {
        List<Run> runs = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, trigger_kind, queued_at, started_at, finished_at, status, executed_by "
                     + "FROM pipeline_run WHERE trigger_kind = 'schedule' AND queued_at > to_timestamp(" + since.toEpochMilli() / 1000.0
                     + ") ORDER BY id")) {
            while (rs.next()) {
                runs.add(new Run(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7)));
            }
        }
        return runs;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
