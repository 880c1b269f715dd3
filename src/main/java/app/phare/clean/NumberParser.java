package app.phare.clean;

import java.math.BigDecimal;

/**
 * Reads numbers as an export writes them: a configurable decimal separator and an optional grouping separator
 * (a space also matches the no-break and narrow no-break spaces spreadsheets write). Returns null when the text
 * is not a number.
 */
public final class NumberParser {

    private final char decimal;
    private final String grouping;

    public NumberParser(String decimalSeparator, String groupingSeparator) {
        this.decimal = decimalSeparator.charAt(0);
        this.grouping = groupingSeparator == null ? "" : groupingSeparator;
    }

    public BigDecimal parse(String text) {
        int n = text.length();
        StringBuilder digits = null;
        boolean seenDigit = false;
        boolean seenDecimal = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                seenDigit = true;
                if (digits != null) {
                    digits.append(c);
                }
                continue;
            }
            if ((c == '-' || c == '+') && i == 0) {
                if (digits != null) {
                    digits.append(c);
                }
                continue;
            }
            if (c == decimal && !seenDecimal) {
                seenDecimal = true;
                if (digits == null) {
                    digits = new StringBuilder(n).append(text, 0, i);
                }
                digits.append('.');
                continue;
            }
            if (isGrouping(c) && seenDigit && !seenDecimal) {
                if (digits == null) {
                    digits = new StringBuilder(n).append(text, 0, i);
                }
                continue;
            }
            return null;
        }
        if (!seenDigit) {
            return null;
        }
        try {
            return new BigDecimal(digits == null ? text : digits.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean isGrouping(char c) {
        if (grouping.isEmpty()) {
            return false;
        }
        char g = grouping.charAt(0);
        if (g == ' ') {
            return c == ' ' || c == '\u00A0' || c == '\u202F';
        }
        return c == g;
    }
}
