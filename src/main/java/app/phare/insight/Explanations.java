package app.phare.insight;

import app.phare.common.Display;
import app.phare.insight.stats.Anomaly;
import app.phare.insight.stats.Contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** Puts an anomaly into one plain sentence: the KPI, how far from a usual such day, and who carries the change. */
public final class Explanations {

    private Explanations() {
    }

    /** How a tenant writes amounts. */
    public record Style(String currency, Locale locale) {
        String value(Kpi kpi, double v) {
            if (kpi == Kpi.ROAS) {
                return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString() + "×";
            }
            return kpi.money ? Display.money(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP), currency, locale)
                    : Display.number(Math.round(v), locale);
        }
    }

    /**
     * E.g. "Orders −38 % vs a usual Tuesday (expected 120, actual 74); 80 % of the drop is Netherlands (country),
     * mostly channel web."
     */
    public static String sentence(Kpi kpi, LocalDate day, Anomaly a, List<Contribution> why, Contribution second, Style style) {
        StringBuilder s = new StringBuilder(kpi.label).append(' ');
        s.append(Double.isNaN(a.change()) ? "unusual" : percent(a.change(), true))
                .append(" vs a usual ").append(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .append(" (expected ").append(style.value(kpi, a.expected())).append(", actual ")
                .append(style.value(kpi, a.actual())).append(')');
        String movement = a.actual() < a.expected() ? "drop" : "rise";
        if (why.isEmpty()) {
            return s.append("; no single ").append(dimensionsOf(kpi)).append(" stands out.").toString();
        }
        Contribution top = why.get(0);
        s.append("; ").append(share(top.share())).append(" of the ").append(movement).append(" is ")
                .append(top.value()).append(" (").append(top.dimension());
        if (!kpi.ratio() && a.expected() > 0 && top.expected() > 0) {
            // the usual share tells a disproportionate change from a big value's normal weight
            s.append(", usually ").append(share(top.expected() / a.expected()));
        }
        s.append(')');
        if (second != null) {
            s.append(", mostly ").append(second.dimension()).append(' ').append(second.value());
        }
        for (int i = 1; i < why.size(); i++) {
            s.append(i == 1 ? "; then " : ", ").append(why.get(i).value()).append(' ').append(share(why.get(i).share()));
        }
        return s.append('.').toString();
    }

    static String dimensionsOf(Kpi kpi) {
        return switch (kpi.family) {
            case SALES -> "country, channel or product";
            case ADS -> "campaign";
            case DEALS -> "owner or product";
            case LIVE -> "dimension";
        };
    }

    static String share(double share) {
        return Math.round(Math.min(1, Math.max(0, share)) * 100) + " %";
    }

    /** A signed percentage with a true minus sign: "−38 %", "+12 %". */
    public static String percent(double change, boolean signed) {
        long p = Math.round(change * 100);
        return (signed ? (p < 0 ? "−" : "+") : "") + Math.abs(p) + " %";
    }
}
