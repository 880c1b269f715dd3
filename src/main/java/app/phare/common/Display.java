package app.phare.common;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Display formatting for templates: money in the tenant's currency and locale, numbers, changes, dates. */
@TemplateExtension
public final class Display {

    private Display() {
    }

    /** 1234.5 in GBP/en-GB → "£1,234.50". */
    public static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(Currency.getInstance(currency));
        return f.format(amount);
    }

    public static String number(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    public static String number(BigDecimal n, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(n);
    }

    /** A relative change as "+12.3%" / "−4.0%", or "new" when there was nothing before. */
    public static String change(Double ratio, Locale locale) {
        if (ratio == null) {
            return "new";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        String s = f.format(Math.abs(ratio));
        return (ratio > 0.0005 ? "+" : ratio < -0.0005 ? "\u2212" : "\u00b1") + s;
    }

    public static String date(LocalDate d, Locale locale) {
        return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public static String dateTime(Instant t, ZoneId zone, Locale locale) {
        return t.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    /** The time of day in the tenant's timezone, to the second: for live activity. */
    public static String clock(Instant t, ZoneId zone) {
        return t.atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return BigDecimal.valueOf(n / 1024.0).setScale(1, RoundingMode.HALF_UP) + " KB";
        }
        return BigDecimal.valueOf(n / (1024.0 * 1024)).setScale(1, RoundingMode.HALF_UP) + " MB";
    }
}
