package app.phare.report;

import app.phare.testing.Api;
import app.phare.testing.SseClient;
import app.phare.testing.TestOrders;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Reports in the background: one report per identical request, notifications live and by e-mail, failures, isolation. */
@QuarkusTest
class ReportFlowTest {

    @Inject
    MockMailbox mailbox;

    private Api.TestTenant t;

    @BeforeEach
    void tenantWithSales() {
        t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 1, 1), 120));
        Api.runNightly(t);
    }

    private static Map<String, Object> aRequest(String type, String from, String to, String format) {
        return Map.of("type", type, "from", from, "to", to, "format", format, "filters", Map.of());
    }

    private String awaitReady(long id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = t.asManager().get("/api/reports/" + id).then().statusCode(200).extract().path("status");
            return status.equals("ready") || status.equals("failed");
        });
        return t.asManager().get("/api/reports/" + id).then().extract().path("status");
    }

    @Test
    void twentyIdenticalRequestsAtOnceMakeOneReport() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> t.asManager().body(aRequest("sales-summary", "2025-01-01", "2025-04-30", "xlsx"))
                    .post("/api/reports").then().statusCode(202).extract().jsonPath());
        }
        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (Future<JsonPath> f : pool.invokeAll(calls)) {
            ids.add(f.get().getLong("reportId"));
            created += f.get().getBoolean("created") ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
        long id = ids.iterator().next();
        assertThat(awaitReady(id)).isEqualTo("ready");
        // asked again once ready: the same report, still
        assertThat(t.asAdmin().body(aRequest("sales-summary", "2025-01-01", "2025-04-30", "xlsx")).post("/api/reports")
                .then().statusCode(202).extract().jsonPath().getLong("reportId")).isEqualTo(id);
        byte[] file = t.asManager().get("/api/reports/" + id + "/file").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        assertThat(file).startsWith(0x50, 0x4B); // a zip: the XLSX container
        assertThat(t.asManager().get("/api/reports").then().statusCode(200).extract().jsonPath().getList("id")).hasSize(1);
    }

    @Test
    void differentRequestsAreAllGenerated() {
        List<Long> ids = new ArrayList<>();
        for (String format : List.of("pdf", "xlsx", "csv")) {
            for (String type : List.of("sales-summary", "quarterly-trends")) {
                ids.add(t.asManager().body(aRequest(type, "2025-01-01", "2025-04-30", format)).post("/api/reports").then()
                        .statusCode(202).body("created", equalTo(true)).extract().jsonPath().getLong("reportId"));
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(6);
        for (long id : ids) {
            assertThat(awaitReady(id)).as("report " + id).isEqualTo("ready");
        }
    }

    @Test
    void theRequesterIsToldLiveAndByEmailWhenTheReportIsReady() {
        mailbox.clear();
        try (SseClient stream = SseClient.open("/api/notifications/stream", t.manager(), t.password(), null)) {
            long id = t.asManager().body(aRequest("sales-summary", "2025-02-01", "2025-02-28", "pdf")).post("/api/reports").then()
                    .statusCode(202).extract().jsonPath().getLong("reportId");
            SseClient.Event e = stream.next(Duration.ofSeconds(60));
            assertThat(e).as("a notification on the stream").isNotNull();
            assertThat(e.name()).isEqualTo("notification");
            JsonPath n = JsonPath.from(e.data());
            assertThat(n.getString("kind")).isEqualTo("report-ready");
            assertThat(n.getString("link")).isEqualTo("/reports/" + id + "/file");
            assertThat(awaitReady(id)).isEqualTo("ready");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(t.manager()).isEmpty());
        var mail = mailbox.getMailsSentTo(t.manager()).get(0);
        assertThat(mail.getSubject()).contains("Report ready").contains("Sales summary");
        assertThat(mail.getText()).contains("http://localhost:8080/reports/");
        assertThat(t.asManager().get("/api/notifications").then().extract().jsonPath().getList("notifications.kind"))
                .contains("report-ready");
        assertThat(mailbox.getMailsSentTo(t.admin())).isEmpty();
    }

    @Test
    void aUserWhoTurnedEmailOffGetsNone() {
        mailbox.clear();
        t.asManager().body(List.of(Map.of("kind", "report-ready", "inApp", true, "email", false))).put("/api/notifications/preferences")
                .then().statusCode(200);
        t.asManager().body(List.of(Map.of("kind", "nonsense", "inApp", true, "email", false))).put("/api/notifications/preferences")
                .then().statusCode(400);
        long id = t.asManager().body(aRequest("quarterly-trends", "2025-01-01", "2025-03-31", "csv")).post("/api/reports").then()
                .statusCode(202).extract().jsonPath().getLong("reportId");
        assertThat(awaitReady(id)).isEqualTo("ready");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> t.asManager().get("/api/notifications").then().extract()
                .jsonPath().getList("notifications.kind").contains("report-ready"));
        assertThat(mailbox.getMailsSentTo(t.manager())).isEmpty();
    }

    @Test
    void aReportThatCannotBeMadeFailsWithItsReasonAndARetryAsksAgain() {
        long id = t.asManager().body(aRequest("marketing", "2025-01-01", "2025-03-31", "xlsx")).post("/api/reports").then()
                .statusCode(202).extract().jsonPath().getLong("reportId");
        assertThat(awaitReady(id)).isEqualTo("failed");
        assertThat(t.asManager().get("/api/reports/" + id).then().extract().jsonPath().getString("error")).containsIgnoringCase("ad");
        t.asManager().get("/api/reports/" + id + "/file").then().statusCode(409);
        long ads = Api.aSource(t, "ad_campaigns", Map.of("day", "day", "campaign", "campaign", "spend", "spend"), null, null);
        Api.upload(t, ads, "day,campaign,spend\n2025-01-10,Winter,12.5\n".getBytes());
        Api.runNightly(t);
        long again = t.asManager().post("/api/reports/" + id + "/retry").then().statusCode(202).extract().jsonPath().getLong("reportId");
        assertThat(again).isNotEqualTo(id);
        assertThat(awaitReady(again)).isEqualTo("ready");
        t.asManager().post("/api/reports/" + again + "/retry").then().statusCode(409);
    }

    @Test
    void badRequestsAreRefusedAndAnotherTenantSeesNothing() {
        t.asManager().body(aRequest("horoscope", "2025-01-01", "2025-01-31", "pdf")).post("/api/reports").then().statusCode(400);
        t.asManager().body(aRequest("sales-summary", "2025-03-01", "2025-01-31", "pdf")).post("/api/reports").then().statusCode(400);
        t.asManager().body(aRequest("sales-summary", "2025-01-01", "2025-01-31", "docx")).post("/api/reports").then().statusCode(400);
        t.asManager().body(Map.of("type", "sales-summary", "format", "pdf")).post("/api/reports").then().statusCode(400);
        t.asManager().body("not json").post("/api/reports").then().statusCode(400);
        long id = t.asManager().body(aRequest("sales-summary", "2025-01-01", "2025-01-31", "csv")).post("/api/reports").then()
                .statusCode(202).extract().jsonPath().getLong("reportId");
        assertThat(awaitReady(id)).isEqualTo("ready");
        Api.TestTenant other = Api.aTenant();
        other.asAdmin().get("/api/reports/" + id).then().statusCode(404);
        other.asAdmin().get("/api/reports/" + id + "/file").then().statusCode(404);
        other.asAdmin().post("/api/reports/" + id + "/retry").then().statusCode(404);
        assertThat(other.asAdmin().get("/api/reports").then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Inject
    ReportRetentionJob retention;

    @Test
    void filesPastTheirRetentionAreRemovedByTheRetentionJob() throws Exception {
        long kept = t.asManager().body(aRequest("sales-summary", "2025-01-01", "2025-01-31", "xlsx")).post("/api/reports").then()
                .statusCode(202).extract().jsonPath().getLong("reportId");
        long old = t.asManager().body(aRequest("sales-summary", "2025-02-01", "2025-02-28", "xlsx")).post("/api/reports").then()
                .statusCode(202).extract().jsonPath().getLong("reportId");
        assertThat(awaitReady(kept)).isEqualTo("ready");
        assertThat(awaitReady(old)).isEqualTo("ready");
        assertThat(t.asManager().get("/api/reports/" + kept).then().extract().jsonPath().getString("expiresAt")).isNotNull();
        java.nio.file.Path oldFile = java.nio.file.Path.of("target/test-data/reports/" + t.id(),
                old + "-" + t.asManager().get("/api/reports/" + old).then().extract().jsonPath().getString("fileName"));
        assertThat(oldFile).exists();
        try (var c = app.phare.testing.Database.connect();
             var ps = c.prepareStatement("UPDATE report SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            ps.setLong(1, old);
            ps.executeUpdate();
        }
        assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);
        t.asManager().get("/api/reports/" + old).then().statusCode(404);
        t.asManager().get("/api/reports/" + kept + "/file").then().statusCode(200);
        assertThat(oldFile).doesNotExist();
    }

    @Test
    void aReportWhoseWorkerStoppedIsQueuedAgainAndCompleted() throws Exception {
        long id = t.asManager().body(aRequest("sales-summary", "2025-01-01", "2025-01-31", "pdf")).post("/api/reports").then()
                .statusCode(202).extract().jsonPath().getLong("reportId");
        assertThat(awaitReady(id)).isEqualTo("ready");
        // as if an instance died while generating it: running, its heartbeat long silent
        try (var c = app.phare.testing.Database.connect();
             var ps = c.prepareStatement("UPDATE report SET status = 'running', heartbeat_at = now() - interval '1 hour', "
                     + "progress = 40, ready_at = NULL WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "ready".equals(t.asManager().get("/api/reports/" + id).then().extract().path("status"))
                        && t.asManager().get("/api/reports/" + id).then().extract().path("readyAt") != null);
        assertThat(t.asManager().get("/api/reports/" + id).then().extract().jsonPath().getInt("progress")).isEqualTo(100);
    }
}
