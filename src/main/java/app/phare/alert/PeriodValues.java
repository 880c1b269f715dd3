package app.phare.alert;

import app.phare.common.Display;
import app.phare.insight.Explanations;
import app.phare.insight.Kpi;
import app.phare.insight.KpiData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** A KPI over a range of days of the data: summed, or for a ratio its numerator over its denominator. */
final class PeriodValues {

    private final KpiData data;
    private final Kpi kpi;

    PeriodValues(KpiData data, Kpi kpi) {
        this.data = data;
        this.kpi = kpi;
    }

    double value(LocalDate from, LocalDate to) {
        if (kpi.ratio()) {
            double[] ratio = data.total(kpi), denominator = data.total(kpi == Kpi.ROAS ? Kpi.AD_SPEND : Kpi.ORDERS);
            double num = 0, den = 0;
            for (int i = index(from); i <= index(to); i++) {
                num += ratio[i] * denominator[i];
                den += denominator[i];
            }
            return den == 0 ? 0 : num / den;
        }
        return sum(data.total(kpi), from, to);
    }

    double volume(LocalDate from, LocalDate to) {
        return sum(data.volume(kpi), from, to);
    }

    /** The dimension value that carries most of the change between two ranges, in a sentence; null if none. */
    String why(LocalDate from, LocalDate to, LocalDate refFrom, LocalDate refTo) {
        if (kpi.ratio()) {
            return null;
        }
        double total = value(from, to) - value(refFrom, refTo);
        if (total == 0) {
            return null;
        }
        String best = null, bestDimension = null;
        double bestShare = 0;
        for (Map.Entry<String, Map<String, double[]>> dim : data.dimensions(kpi).entrySet()) {
            for (Map.Entry<String, double[]> v : dim.getValue().entrySet()) {
                double share = (sum(v.getValue(), from, to) - sum(v.getValue(), refFrom, refTo)) / total;
                if (share > bestShare) {
                    bestShare = share;
                    best = v.getKey();
                    bestDimension = dim.getKey();
                }
            }
        }
        if (best == null || bestShare < 0.3) {
            return null;
        }
        return Math.round(Math.min(1, bestShare) * 100) + " % of the " + (total < 0 ? "drop" : "rise") + " is " + best
                + " (" + bestDimension + ").";
    }

    private double sum(double[] series, LocalDate from, LocalDate to) {
        double s = 0;
        for (int i = Math.max(0, index(from)); i <= Math.min(data.days - 1, index(to)); i++) {
            s += series[i];
        }
        return s;
    }

    private int index(LocalDate d) {
        return data.index(d);
    }

    static String format(Kpi kpi, double v, Explanations.Style style) {
        if (kpi == Kpi.ROAS) {
            return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString() + "×";
        }
        return kpi.money ? Display.money(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP), style.currency(), style.locale())
                : Display.number(BigDecimal.valueOf(v).setScale(kpi == Kpi.AVERAGE_ORDER_VALUE ? 2 : 0, RoundingMode.HALF_UP), style.locale());
    }

    static String describe(String period, LocalDate from, LocalDate to, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
        return switch (period) {
            case "week" -> "in the week " + from.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)) + " – " + to.format(day);
            case "month" -> "in " + from.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
            default -> "on " + to.format(day);
        };
    }
}
