package app.phare.common;

/**
 * Neutralises text that a spreadsheet would take for a formula (CSV or formula injection): text beginning with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote. Only text goes
 * through here; numbers are written as numbers, so a negative amount stays a number.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
