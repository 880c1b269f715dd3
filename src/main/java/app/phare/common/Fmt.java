package app.phare.common;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Formatting of values that may be missing (a rate without a base, a cost without clicks), as {fmt:percent(x, locale)}
 * in templates: a dash when there is none.
 */
@TemplateExtension(namespace = "fmt")
public final class Fmt {

    private Fmt() {
    }

    /** A ratio as a percentage: 0.1234 → "12.3%"; "—" when there is none. */
    public static String percent(BigDecimal ratio, Locale locale) {
        if (ratio == null) {
            return "\u2014";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(2);
        return f.format(ratio);
    }

    /** A share as a percentage (0.25 → "25.0%"). */
    public static String percent(Double share, Locale locale) {
        return share == null ? "\u2014" : percent(BigDecimal.valueOf(share), locale);
    }

    /** A rate as a percentage (0.25 → "25.0%"). */
    public static String rate(double share, Locale locale) {
        return percent(BigDecimal.valueOf(share), locale);
    }

    /** Money, or "—" when there is none. */
    public static String money(BigDecimal amount, String currency, Locale locale) {
        return amount == null ? "\u2014" : Display.money(amount, currency, locale);
    }

    /** A number, or "—" when there is none. */
    public static String number(BigDecimal n, Locale locale) {
        return n == null ? "\u2014" : Display.number(n, locale);
    }
}
