package app.phare.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date range cut into whole calendar months and the days at its edges, so that sums over the range can read
 * month rows where they can and day rows only at the edges.
 */
public record RangeSplit(LocalDate from, LocalDate to, List<LocalDate> months, List<LocalDate> days) {

    public static RangeSplit of(LocalDate from, LocalDate to) {
        List<LocalDate> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = from;
        while (!d.isAfter(to)) {
            LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
            if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                months.add(d);
                d = monthEnd.plusDays(1);
            } else {
                days.add(d);
                d = d.plusDays(1);
            }
        }
        return new RangeSplit(from, to, months, days);
    }

    /** Number of periods whose distinct counts are summed (1 means the counts are exact for the range). */
    public int periods() {
        return months.size() + days.size();
    }

    public long lengthInDays() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** Whether the range is made of whole months only. */
    public boolean wholeMonths() {
        return days.isEmpty();
    }
}
