package app.phare.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's daily KPIs as aligned series (index 0 = start, one value per day): the totals, the volume that guards
 * each KPI against noise on quiet days (orders, clicks, won deals), and the series of each dimension value that add
 * up to the total (for a ratio KPI: its numerator per value over the total denominator, which add up to the ratio).
 */
public final class KpiData {

    public final LocalDate start;
    public final int days;
    final EnumMap<Kpi, double[]> totals = new EnumMap<>(Kpi.class);
    final EnumMap<Kpi, double[]> volumes = new EnumMap<>(Kpi.class);
    final EnumMap<Kpi, Map<String, Map<String, double[]>>> dimensions = new EnumMap<>(Kpi.class);
    /** Sales KPIs by country, then by channel within the country: the second step of an explanation. */
    final EnumMap<Kpi, Map<String, Map<String, double[]>>> channelsOfCountry = new EnumMap<>(Kpi.class);

    KpiData(LocalDate start, LocalDate end) {
        this.start = start;
        this.days = (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    public LocalDate day(int i) {
        return start.plusDays(i);
    }

    public int index(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(start, day);
    }

    public boolean has(Kpi kpi) {
        return totals.containsKey(kpi);
    }

    public double[] total(Kpi kpi) {
        return totals.get(kpi);
    }

    public double[] volume(Kpi kpi) {
        return volumes.getOrDefault(kpi, totals.get(kpi));
    }

    public Map<String, Map<String, double[]>> dimensions(Kpi kpi) {
        return dimensions.getOrDefault(kpi, Map.of());
    }

    public Map<String, double[]> channelsOf(Kpi kpi, String country) {
        return channelsOfCountry.getOrDefault(kpi, Map.of()).getOrDefault(country, Map.of());
    }

    double[] series(Kpi kpi) {
        return totals.computeIfAbsent(kpi, k -> new double[days]);
    }

    double[] valueSeries(Kpi kpi, String dimension, String value) {
        return dimensions.computeIfAbsent(kpi, k -> new HashMap<>()).computeIfAbsent(dimension, d -> new TreeMap<>())
                .computeIfAbsent(value, v -> new double[days]);
    }

    double[] crossSeries(Kpi kpi, String country, String channel) {
        return channelsOfCountry.computeIfAbsent(kpi, k -> new HashMap<>()).computeIfAbsent(country, c -> new TreeMap<>())
                .computeIfAbsent(channel, v -> new double[days]);
    }

    /** Turns numerator series into shares of the ratio: value / total denominator of the same day. */
    void divideDimensions(Kpi ratio, double[] denominator) {
        for (Map<String, double[]> values : dimensions(ratio).values()) {
            for (double[] s : values.values()) {
                for (int i = 0; i < days; i++) {
                    s[i] = denominator[i] == 0 ? 0 : s[i] / denominator[i];
                }
            }
        }
    }
}
