package app.phare.insight.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Says which dimension values explain a KPI's deviation on day i. */
public final class Attribution {

    private static final int TOP = 3;
    /**
     * A value explains something only when it moved at least this many of its own typical misses: a big value's
     * everyday noise can outweigh a small value's real drop in units, and must not be named for it.
     */
    static final double UNUSUAL = 2.0;
    /** A dimension explains a deviation only if its top value carries at least 10 points more of it than of the total. */
    static final double MIN_EXCESS = 0.10;

    private Attribution() {
    }

    /**
     * byDimension: dimension name ("country", "channel", "product", "campaign") -> value -> daily series aligned with the total
     * (same length/start; the values of one dimension sum to the total). Returns the contributions of the single most
     * concentrated dimension (the one whose top value carries the largest share of the total deviation beyond its usual
     * share of the total), biggest first, at most 3,
     * only those deviating in the direction of the total. Empty if no dimension explains anything.
     * Expected per value comes from the same seasonal baseline as AnomalyDetector (a value with too little history: expected = median of its available same-weekday points, or 0).
     * Concentration is measured beyond each value's usual part: a channel that carries 55% of all orders also carries
     * about 55% of any drop, which says nothing; a country carrying 90% of the drop with 10% of the orders does. When
     * everything moved together (a holiday), no dimension explains anything and the list is empty.
     * Values that moved no more than their own everyday noise (under 2 typical misses of the detector's baseline) are
     * left out. A share above 1 (the value moved more than the total, others made up part of it) is reported as 1.
     */
    public static List<Contribution> explain(Map<String, Map<String, double[]>> byDimension, int i, AnomalyDetector detector) {
        if (byDimension.isEmpty()) {
            return List.of();
        }
        double[] total = total(byDimension.values().iterator().next(), i);
        double deviation = total[i] - expected(total, i, detector);
        if (deviation == 0 || Double.isNaN(deviation)) {
            return List.of();
        }
        List<Raw> best = List.of();
        for (Map.Entry<String, Map<String, double[]>> dimension : byDimension.entrySet()) {
            double usualTotal = dimension.getValue().values().stream().mapToDouble(series -> expected(series, i, detector)).sum();
            List<Raw> candidates = new ArrayList<>();
            dimension.getValue().forEach((value, series) -> {
                double expected = expected(series, i, detector);
                double share = (series[i] - expected) / deviation;
                if (share > 0 && unusual(series, total, i, expected, detector)) {
                    double usualShare = usualTotal == 0 ? 0 : expected / usualTotal;
                    candidates.add(new Raw(dimension.getKey(), value, expected, series[i], share, share - usualShare));
                }
            });
            candidates.sort(Comparator.comparingDouble(Raw::share).reversed());
            if (!candidates.isEmpty() && candidates.get(0).excess() >= MIN_EXCESS
                    && (best.isEmpty() || candidates.get(0).excess() > best.get(0).excess())) {
                best = candidates;
            }
        }
        return best.stream().limit(TOP)
                .map(r -> new Contribution(r.dimension(), r.value(), r.expected(), r.actual(), Math.min(1, r.share())))
                .toList();
    }

    /** excess = share of the deviation beyond the value's usual share of the total. */
    private record Raw(String dimension, String value, double expected, double actual, double share, double excess) {
    }

    /** True when the value moved beyond its everyday noise, or when its noise is unknown (too new to tell). */
    private static boolean unusual(double[] series, double[] total, int i, double expected, AnomalyDetector detector) {
        OptionalDouble miss = detector.typicalMiss(series, total, i, expected);
        return miss.isEmpty() || Math.abs(series[i] - expected) >= UNUSUAL * miss.getAsDouble();
    }

    private static double[] total(Map<String, double[]> oneDimension, int i) {
        double[] total = new double[i + 1];
        for (double[] series : oneDimension.values()) {
            for (int d = 0; d <= i; d++) {
                total[d] += series[d];
            }
        }
        return total;
    }

    /** The detector's baseline; for a value too new for it, the median of the same weekdays it has, or 0. */
    private static double expected(double[] series, int i, AnomalyDetector detector) {
        return detector.expected(series, i).orElseGet(() -> {
            double[] points = new double[AnomalyDetector.WEEKS];
            int n = 0;
            for (int k = 1; k <= AnomalyDetector.WEEKS && i - 7 * k >= 0; k++) {
                if (!Double.isNaN(series[i - 7 * k])) {
                    points[n++] = series[i - 7 * k];
                }
            }
            return n == 0 ? 0 : Robust.median(points, n);
        });
    }
}
