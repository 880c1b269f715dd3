package app.phare.report;

import app.phare.testing.Api;
import app.phare.testing.TestOrders;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Report subscriptions: sent once per closed period after the nightly run, with the file attached; managed per user. */
@QuarkusTest
class SubscriptionTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    SubscriptionService subscriptions;

    @Test
    void aMonthlySubscriptionIsSentOnceAfterTheNightlyRunThatClosesTheMonth() {
        Api.TestTenant t = Api.aTenant();
        long id = t.asManager().body(Map.of("type", "sales-summary", "format", "xlsx", "frequency", "monthly", "hour", 0))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        mailbox.clear();
        subscriptions.sendDue();
        assertThat(mailbox.getMailsSentTo(t.manager())).as("no nightly run yet: nothing to send").isEmpty();

        LocalDate lastMonth = LocalDate.now(ZoneId.of("Europe/London")).withDayOfMonth(1).minusMonths(1);
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(lastMonth, 28));
        Api.runNightly(t); // its end sends what is due
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !mailbox.getMailsSentTo(t.manager()).isEmpty());
        assertThat(mailbox.getMailsSentTo(t.manager())).as("one e-mail: the delivery, not also a notice").hasSize(1);
        var mail = mailbox.getMailsSentTo(t.manager()).get(0);
        assertThat(mail.getSubject()).contains("Sales summary").contains(lastMonth.toString());
        assertThat(mail.getAttachments()).hasSize(1);
        assertThat(mail.getAttachments().get(0).getName()).endsWith(".xlsx");
        t.asManager().get("/api/subscriptions").then().statusCode(200)
                .body("[0].lastPeriodEnd", equalTo(lastMonth.plusMonths(1).minusDays(1).toString()));

        subscriptions.sendDue();
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(mailbox.getMailsSentTo(t.manager())).as("the same month is not sent twice").hasSize(1);
        assertThat(mailbox.getMailsSentTo(t.admin())).isEmpty();
        t.asManager().delete("/api/subscriptions/" + id).then().statusCode(204);
        t.asManager().get("/api/subscriptions").then().body("size()", equalTo(0));
    }

    @Test
    void subscriptionsAreValidatedAndBelongToTheirUser() {
        Api.TestTenant t = Api.aTenant();
        t.asManager().body(Map.of("type", "sales-summary", "format", "pdf", "frequency", "daily")).post("/api/subscriptions")
                .then().statusCode(400).body("field", equalTo("frequency"));
        t.asManager().body(Map.of("type", "sales-summary", "format", "pdf", "frequency", "weekly", "hour", 25))
                .post("/api/subscriptions").then().statusCode(400).body("field", equalTo("hour"));
        t.asManager().body(Map.of("type", "astrology", "format", "pdf", "frequency", "weekly")).post("/api/subscriptions")
                .then().statusCode(400);
        long id = t.asManager().body(Map.of("type", "quarterly-trends", "format", "csv", "frequency", "weekly"))
                .post("/api/subscriptions").then().statusCode(201).body("hour", equalTo(7)).extract().jsonPath().getLong("id");
        t.asManager().body(Map.of("type", "quarterly-trends", "format", "pdf", "frequency", "monthly", "hour", 9))
                .put("/api/subscriptions/" + id).then().statusCode(200).body("format", equalTo("pdf")).body("hour", equalTo(9));
        t.asAdmin().get("/api/subscriptions").then().body("size()", equalTo(0));
        t.asAdmin().delete("/api/subscriptions/" + id).then().statusCode(404);
        Api.aTenant().asAdmin().delete("/api/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void theClosedPeriodIsTheLastWholeWeekOrMonth() {
        LocalDate wednesday = LocalDate.of(2026, 11, 18);
        assertThat(Subscription.closedPeriod("weekly", wednesday)).containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15));
        assertThat(Subscription.closedPeriod("weekly", LocalDate.of(2026, 11, 16)))
                .containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15));
        assertThat(Subscription.closedPeriod("monthly", LocalDate.of(2026, 3, 1)))
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
    }
}
