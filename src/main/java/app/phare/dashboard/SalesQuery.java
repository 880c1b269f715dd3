package app.phare.dashboard;

import app.phare.common.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A validated question to the sales aggregates: a date range, a grain, an optional breakdown and filters. */
public record SalesQuery(LocalDate from, LocalDate to, Grain grain, Dimension by, String country, String channel) {

    /** Period of each row. */
    public enum Grain { day, month }

    /** Breakdown of each period. */
    public enum Dimension { country, channel, product }

    public static SalesQuery parse(String from, String to, String grain, String by, String country, String channel) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f.isAfter(t)) {
            throw ProblemException.badRequest("from", "from (" + f + ") is after to (" + t + ")");
        }
        Grain g = grain == null || grain.isBlank() ? Grain.day : enumValue(Grain.class, "grain", grain);
        Dimension d = by == null || by.isBlank() ? null : enumValue(Dimension.class, "by", by);
        String c = blankToNull(country);
        String ch = blankToNull(channel);
        if (d == Dimension.product && (c != null || ch != null)) {
            throw ProblemException.badRequest("by", "the product breakdown covers all countries and channels; "
                    + "remove the country and channel filters to use by=product");
        }
        return new SalesQuery(f, t, g, d, c, ch);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a date as YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.trim())) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(e.name());
        }
        throw ProblemException.badRequest(field, "'" + value + "' is not a valid " + field + "; use one of " + allowed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
