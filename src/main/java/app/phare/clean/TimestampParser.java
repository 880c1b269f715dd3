package app.phare.clean;

import app.phare.source.SourceFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Reads order timestamps with the source's pattern (default: ISO date-time with 'T' or a space, optional seconds,
 * fraction and offset). A timestamp without an offset is in the source's timezone; its day is the tenant's.
 * Returns null when the text does not match.
 */
public final class TimestampParser {

    /** An instant and the tenant's calendar day it falls on. */
    public record Parsed(Instant instant, LocalDate day) {
        /** Whether the day lies in the years Phare takes ({@link #FIRST_YEAR}–{@link #LAST_YEAR}). */
        public boolean inRange() {
            return TimestampParser.inRange(day);
        }
    }

    /** The years a date of a record may have: beyond them it is a typo or a placeholder (9999-12-31). */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    public static boolean inRange(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /** Why a date that parsed is refused. */
    public static String outOfRange(String what, String text) {
        return what + " '" + text + "' is outside the years " + FIRST_YEAR + "–" + LAST_YEAR
                + ": a typo or a placeholder date?";
    }

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final DateTimeFormatter formatter;
    private final boolean iso;
    private final ZoneId sourceZone;
    private final ZoneId tenantZone;
    private final boolean sameZone;
    private String lastText;
    private Parsed lastParsed;

    public TimestampParser(String pattern, ZoneId sourceZone, ZoneId tenantZone) {
        this.iso = pattern == null || SourceFormat.ISO.equals(pattern);
        this.formatter = iso ? ISO : strict(pattern);
        this.sourceZone = sourceZone;
        this.tenantZone = tenantZone;
        this.sameZone = sourceZone.equals(tenantZone);
    }

    /**
     * The pattern with a strict resolver, so that a day beyond the month's end ("31/04/2011") is rejected instead of
     * moved to the last day of the month; the era defaults to AD so that "yyyy" (year of era) still resolves.
     */
    private static DateTimeFormatter strict(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1).toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }

    public Parsed parse(String text) {
        if (text.equals(lastText)) {
            return lastParsed;
        }
        Parsed parsed = doParse(text);
        lastText = text;
        lastParsed = parsed;
        return parsed;
    }

    private Parsed doParse(String text) {
        if (iso) {
            LocalDateTime fast = fastIsoLocal(text);
            if (fast != null) {
                return local(fast);
            }
            if (text.length() > 10 && text.charAt(10) == ' ') {
                text = text.substring(0, 10) + 'T' + text.substring(11);
            }
        }
        TemporalAccessor t;
        try {
            t = formatter.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) {
            return null;
        }
        LocalTime time = t.query(TemporalQueries.localTime());
        LocalDateTime ldt = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
        ZoneId zone = t.query(TemporalQueries.zone());
        if (zone != null) {
            Instant instant = ldt.atZone(zone).toInstant();
            return new Parsed(instant, instant.atZone(tenantZone).toLocalDate());
        }
        return local(ldt);
    }

    private Parsed local(LocalDateTime ldt) {
        Instant instant = ldt.atZone(sourceZone).toInstant();
        return new Parsed(instant, sameZone ? ldt.toLocalDate() : instant.atZone(tenantZone).toLocalDate());
    }

    /** yyyy-MM-dd[ T]HH:mm[:ss], the common case, without the formatter's cost. */
    private static LocalDateTime fastIsoLocal(String s) {
        int n = s.length();
        if ((n != 16 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || (n == 19 && s.charAt(16) != ':')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = n == 19 ? digits(s, 17, 2) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > 31) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

}
