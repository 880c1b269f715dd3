package app.phare.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks query parameters of the metrics APIs, refusing bad ones with a 400 that names the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A required date as YYYY-MM-DD. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required, as YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a date as YYYY-MM-DD");
        }
        return plausible(field, date);
    }

    /** A date within years 1 to 9999, which the database and the calendar arithmetic can take. */
    public static LocalDate plausible(String field, LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw ProblemException.badRequest(field, field + " " + date + " is outside the years 1 to 9999");
        }
        return date;
    }

    /** from and to, from not after to. */
    public static LocalDate[] range(String from, String to) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f.isAfter(t)) {
            throw ProblemException.badRequest("from", "from (" + f + ") is after to (" + t + ")");
        }
        return new LocalDate[]{f, t};
    }

    /** One of the allowed values, the fallback when not given. */
    public static String choice(String field, String value, String fallback, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(value.trim())) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a valid " + field + "; use one of "
                    + String.join(", ", allowed));
        }
        return value.trim();
    }

    /** Scaled integer money as a decimal with two places. */
    public static java.math.BigDecimal money(Object scaled, int scale) {
        java.math.BigDecimal unscaled = scaled instanceof java.math.BigDecimal b ? b
                : java.math.BigDecimal.valueOf(((Number) scaled).longValue());
        return unscaled.movePointLeft(scale).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
