package app.phare.report;

import java.time.LocalDate;
import java.util.Map;

/** A standing order for a report, as the API and the page show it. */
public record Subscription(long id, String email, String type, String format, Map<String, String> filters, String frequency,
                           int hour, LocalDate lastPeriodEnd, Long lastReportId) {

    /** The last whole period before the given day: the previous Monday–Sunday week, or the previous month. */
    public static LocalDate[] closedPeriod(String frequency, LocalDate today) {
        if (frequency.equals("weekly")) {
            LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(1);
            return new LocalDate[]{monday, monday.plusDays(6)};
        }
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        return new LocalDate[]{first, first.plusMonths(1).minusDays(1)};
    }
}
