package app.phare.clean;

/**
 * Reads numbers as an export writes them: a configurable decimal separator and an optional grouping separator
 * (a space also matches the no-break and narrow no-break spaces spreadsheets write). Numbers come back as longs
 * with a fixed number of decimals (rounded half up beyond them), or as {@link #NOT_A_NUMBER} / {@link #TOO_LARGE}.
 */
public final class NumberParser {

    public static final long NOT_A_NUMBER = Long.MIN_VALUE;
    public static final long TOO_LARGE = Long.MAX_VALUE;

    private final char decimal;
    private final String grouping;

    public NumberParser(String decimalSeparator, String groupingSeparator) {
        this.decimal = decimalSeparator.charAt(0);
        this.grouping = groupingSeparator == null ? "" : groupingSeparator;
    }

    /** The number times 10^scale, e.g. parse("1 234,5", 3) = 1234500 with ',' as decimal and ' ' as grouping. */
    public long parse(String text, int scale) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long value = 0;
        int decimals = -1;
        boolean digits = false;
        boolean roundUp = false;
        boolean large = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (decimals >= scale) {
                    if (decimals == scale) {
                        roundUp = c >= '5';
                    }
                    decimals++;
                    continue;
                }
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    large = true;
                } else {
                    value = value * 10 + (c - '0');
                }
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == decimal && decimals < 0) {
                decimals = 0;
            } else if (isGrouping(c) && digits && decimals < 0 && groupOfThreeFollows(text, i)) {
                // a grouping separator stands between integer digits, before a group of exactly three
            } else {
                return NOT_A_NUMBER;
            }
        }
        if (!digits) {
            return NOT_A_NUMBER;
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            if (value > Long.MAX_VALUE / 10) {
                large = true;
                break;
            }
            value *= 10;
        }
        if (large) {
            return TOO_LARGE;
        }
        if (roundUp) {
            value++;
        }
        return negative ? -value : value;
    }

    private boolean groupOfThreeFollows(String text, int at) {
        int n = text.length();
        if (at + 3 >= n) {
            return false;
        }
        for (int k = at + 1; k <= at + 3; k++) {
            char d = text.charAt(k);
            if (d < '0' || d > '9') {
                return false;
            }
        }
        int next = at + 4;
        return next == n || text.charAt(next) == decimal || isGrouping(text.charAt(next));
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

    /** A scaled number as plain decimal text without trailing zeros: (12500, 3) → "12.5", (-3000, 3) → "-3". */
    public static String plain(long scaled, int scale) {
        String digits = Long.toString(Math.abs(scaled));
        if (digits.length() <= scale) {
            digits = "0".repeat(scale - digits.length() + 1) + digits;
        }
        String integer = digits.substring(0, digits.length() - scale);
        String fraction = digits.substring(digits.length() - scale);
        int end = fraction.length();
        while (end > 0 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        String s = end == 0 ? integer : integer + "." + fraction.substring(0, end);
        return scaled < 0 ? "-" + s : s;
    }
}
