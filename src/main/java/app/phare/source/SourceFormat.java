package app.phare.source;

import app.phare.common.ProblemException;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a source's files are written: delimiter, encoding, header line, date pattern, number separators and timezone.
 * Every field is optional in requests; {@link #withDefaults()} fills them in and {@link #validate()} names the bad one.
 */
public record SourceFormat(String delimiter,
                           String encoding,
                           Boolean header,
                           String dateFormat,
                           String decimalSeparator,
                           String groupingSeparator,
                           String timezone,
                           String sheet,
                           Integer skipRows) {

    /** A CSV format (no sheet, no rows skipped before the header). */
    public SourceFormat(String delimiter, String encoding, Boolean header, String dateFormat, String decimalSeparator,
                        String groupingSeparator, String timezone) {
        this(delimiter, encoding, header, dateFormat, decimalSeparator, groupingSeparator, timezone, null, 0);
    }

    /** The default date format: ISO date-time, with 'T' or a space, optional seconds, fraction and offset. */
    public static final String ISO = "ISO";

    public static SourceFormat defaults() {
        return new SourceFormat(",", "UTF-8", true, ISO, ".", "", null);
    }

    public SourceFormat withDefaults() {
        SourceFormat d = defaults();
        return new SourceFormat(
                delimiter == null || delimiter.isEmpty() ? d.delimiter : ("\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter) ? "\t" : delimiter),
                encoding == null || encoding.isBlank() ? d.encoding : encoding.trim(),
                header == null ? d.header : header,
                dateFormat == null || dateFormat.isBlank() ? d.dateFormat : dateFormat,
                decimalSeparator == null || decimalSeparator.isEmpty() ? d.decimalSeparator : decimalSeparator,
                groupingSeparator == null ? d.groupingSeparator : groupingSeparator,
                timezone == null || timezone.isBlank() ? null : timezone.trim(),
                sheet == null || sheet.isBlank() ? null : sheet.trim(),
                skipRows == null ? 0 : skipRows);
    }

    /** Checks a format that has its defaults filled in. */
    public SourceFormat validate() {
        if (skipRows != null && (skipRows < 0 || skipRows > 1000)) {
            throw ProblemException.badRequest("format.skipRows", "skipRows is how many rows come before the header: 0 to 1000, was " + skipRows);
        }
        if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r")) {
            throw ProblemException.badRequest("format.delimiter", "delimiter must be a single character other than a quote or line break, was '" + delimiter + "'");
        }
        try {
            Charset.forName(encoding);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("format.encoding", "'" + encoding + "' is not a known character encoding (try UTF-8, ISO-8859-1, windows-1252)");
        }
        if (!ISO.equals(dateFormat)) {
            try {
                DateTimeFormatter.ofPattern(dateFormat);
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("format.dateFormat", "'" + dateFormat + "' is not a valid date pattern: " + e.getMessage());
            }
            String letters = dateFormat.replaceAll("'[^']*'", "");
            if (letters.chars().filter(c -> c == '[').count() != letters.chars().filter(c -> c == ']').count()) {
                throw ProblemException.badRequest("format.dateFormat", "'" + dateFormat + "' opens an optional section [ that it "
                        + "does not close with ]");
            }
            String required = letters.replaceAll("\\[[^\\]]*\\]", "");
            boolean dayOfYear = required.contains("D");
            if (!required.matches(".*[yu].*") || !dayOfYear && (!required.matches(".*[ML].*") || !required.contains("d"))) {
                throw ProblemException.badRequest("format.dateFormat", "'" + dateFormat + "' needs a year (yyyy), a month (MM) "
                        + "and a day (dd) outside optional sections, e.g. dd/MM/yyyy HH:mm");
            }
            if ((letters.contains("h") || letters.contains("K")) && !letters.contains("a")) {
                throw ProblemException.badRequest("format.dateFormat", "'" + dateFormat + "' has a 12-hour field (h) but no AM/PM "
                        + "marker (a): the hours would be ambiguous; use HH for 0-23 hours, or add a");
            }
        }
        if (decimalSeparator.length() != 1 || Character.isDigit(decimalSeparator.charAt(0)) || decimalSeparator.equals("-")) {
            throw ProblemException.badRequest("format.decimalSeparator", "decimalSeparator must be one character such as '.' or ',', was '" + decimalSeparator + "'");
        }
        if (groupingSeparator.length() > 1 || groupingSeparator.equals(decimalSeparator)
                || (!groupingSeparator.isEmpty() && Character.isDigit(groupingSeparator.charAt(0)))) {
            throw ProblemException.badRequest("format.groupingSeparator", "groupingSeparator must be empty or one character different from the decimal separator, was '" + groupingSeparator + "'");
        }
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw ProblemException.badRequest("format.timezone", "'" + timezone + "' is not an IANA timezone such as Europe/London");
        }
        return this;
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }
}
