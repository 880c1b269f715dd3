package app.phare.jobs;

import app.phare.pipeline.NightlySchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cron expressions in words, and the ones Phare refuses. */
class CronTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 0 2 * * ?          | every day at 02:00 Europe/Paris",
            "0 30 6 ? * MON-FRI   | every weekday (Monday to Friday) at 06:30 Europe/Paris",
            "0 0 7 ? * MON        | every Monday at 07:00 Europe/Paris",
            "0 0 7 ? * 2,4        | every Monday and Wednesday at 07:00 Europe/Paris",
            "0 0 3 1 * ?          | on day 1 of every month at 03:00 Europe/Paris",
            "0 0 8,12,18 * * ?    | every day at 08:00, 12:00 and 18:00 Europe/Paris",
            "0 * * * * ?          | every minute",
            "0 0/15 * * * ?       | every 15 minutes",
            "0 5 * * * ?          | every hour at :05",
            "0 0 2 ? * SAT,SUN    | every weekend day at 02:00 Europe/Paris",
            "15 0 2 * * ?         | on the schedule 15 0 2 * * ? (Europe/Paris)",
            "0 0 2 L * ?          | on the schedule 0 0 2 L * ? (Europe/Paris)"})
    void describesCommonShapesInWords(String cron, String words) {
        assertThat(CronText.describe(cron, "Europe/Paris")).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "every night  | not a valid Quartz cron expression",
            "0 99 6 * * ? | 99 is not a valid minute (0–59)",
            "0 0 24 * * ? | Hour values must be between 0 and 23",
            "0 0 2 32 * ? | not a valid",
            "0 0/90 * * * ? | Increment >= 60",
            "0 0 2 * * ? 2001 | never fires again",
            "'' | empty"})
    void refusesInvalidExpressionsWithTheReason(String cron, String reason) {
        assertThat(NightlySchedule.invalidCron(cron)).get().asString().contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"0 0 2 * * ?", "0 30 6 ? * MON-FRI", "0 0/15 * * * ?", "0 0 3 L * ?", "0 0 12 ? * 6#3"})
    void acceptsValidExpressions(String cron) {
        assertThat(NightlySchedule.invalidCron(cron)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 0/5 * * * ?        | PT5M",
            "0/20 * * * * ?       | PT20S",
            "0 0 8,9 * * ?        | PT1H",
            "0 0,1 2 1 1 ?        | PT1M",
            "0 0 2 * * ?          | PT24H"})
    void findsTheShortestTimeBetweenFires(String cron, String gap) {
        assertThat(JobService.shortestGap(NightlySchedule.nextFires(cron, "UTC", 200))).isEqualTo(java.time.Duration.parse(gap));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PT1H | 1 hour | hour", "PT5M | 5 minutes | 5 minutes", "PT1M | 1 minute | minute",
            "PT90S | 90 seconds | 90 seconds", "PT48H | 2 days | 2 days"})
    void saysDurationsInWords(String duration, String amount, String every) {
        assertThat(CronText.amount(java.time.Duration.parse(duration))).isEqualTo(amount);
        assertThat(CronText.every(java.time.Duration.parse(duration))).isEqualTo(every);
    }
}
