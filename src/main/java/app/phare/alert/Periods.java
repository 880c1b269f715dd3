package app.phare.alert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The period a nightly rule judges (the latest day, the last full week or month of the data) and what it is compared with. */
public record Periods(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, LocalDate yearFrom,
                      LocalDate yearTo, String key) {

    /** latest = the last day with data. A day compares with the same weekday a week and a year (52 weeks) before. */
    public static Periods of(String period, LocalDate latest) {
        return switch (period) {
            case "week" -> {
                LocalDate end = latest.getDayOfWeek() == DayOfWeek.SUNDAY ? latest
                        : latest.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
                LocalDate start = end.minusDays(6);
                yield new Periods(start, end, start.minusDays(7), end.minusDays(7), start.minusDays(364), end.minusDays(364),
                        "week:" + start);
            }
            case "month" -> {
                LocalDate end = latest.equals(latest.with(TemporalAdjusters.lastDayOfMonth())) ? latest
                        : latest.withDayOfMonth(1).minusDays(1);
                LocalDate start = end.withDayOfMonth(1);
                LocalDate prev = start.minusMonths(1), year = start.minusYears(1);
                yield new Periods(start, end, prev, prev.with(TemporalAdjusters.lastDayOfMonth()), year,
                        year.with(TemporalAdjusters.lastDayOfMonth()), "month:" + start.toString().substring(0, 7));
            }
            default -> new Periods(latest, latest, latest.minusDays(7), latest.minusDays(7), latest.minusDays(364),
                    latest.minusDays(364), "day:" + latest);
        };
    }
}
