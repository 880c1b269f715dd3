package app.phare.report.content;

import app.phare.common.Display;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a table value reads in the PDF: money in the tenant's currency and locale, counts, rates, dates. */
final class CellText {

    private final String currency;
    private final Locale locale;
    private final DateTimeFormatter month;

    CellText(String currency, Locale locale) {
        this.currency = currency;
        this.locale = locale;
        this.month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
    }

    Locale locale() {
        return locale;
    }

    String text(Table.Kind kind, Object value) {
        if (value == null) {
            return "\u2014";
        }
        if (value instanceof Long n) {
            return Display.number(n, locale);
        }
        if (value instanceof LocalDate d) {
            return kind == Table.Kind.MONTH ? d.format(month) : Display.date(d, locale);
        }
        if (value instanceof BigDecimal d) {
            return switch (kind) {
                case MONEY -> Display.money(d, currency, locale);
                case PERCENT -> percent(d);
                case INTEGER -> Display.number(d.longValue(), locale);
                default -> Display.number(d, locale);
            };
        }
        return value.toString();
    }

    /** A ratio as a percentage with one decimal (two under 1%): 0.0282 → "2.8%", 0.00018 → "0.02%". */
    String percent(BigDecimal ratio) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        // rates under 1% (click-through) keep two decimals
        int digits = ratio.abs().compareTo(new BigDecimal("0.01")) < 0 && ratio.signum() != 0 ? 2 : 1;
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(ratio);
    }

    /** A change as "+12.3%" / "−4.0%", or a dash without a base. */
    String change(BigDecimal ratio) {
        return ratio == null ? "\u2014" : Display.change(ratio.doubleValue(), locale);
    }

    static String trend(BigDecimal ratio) {
        return ratio == null ? "flat" : ratio.compareTo(new BigDecimal("0.0005")) > 0 ? "up"
                : ratio.compareTo(new BigDecimal("-0.0005")) < 0 ? "down" : "flat";
    }
}
