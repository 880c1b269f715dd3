package app.phare.insight.stats;

import java.util.Optional;
import java.util.OptionalDouble;

/** Robust seasonal baseline and anomaly test for daily KPIs. */
public final class AnomalyDetector {

    static final int WEEKS = 8;
    static final int MIN_POINTS = 4;
    /** Below this many past residuals the series' noise is unknown, so nothing is called unusual. */
    static final int MIN_RESIDUALS = 10;

    private final double threshold;
    private final double minRelativeChange;
    private final double minVolume;

    public AnomalyDetector(double threshold, double minRelativeChange, double minVolume) {
        this.threshold = threshold;
        this.minRelativeChange = minRelativeChange;
        this.minVolume = minVolume;
    }

    /**
     * threshold/minRelativeChange/minVolume tuned by the tests below (document the chosen values): a day is unusual at
     * 2.5 typical misses from its baseline and at least 20% off it, on days expecting at least 20 orders. On generated
     * shop years (AnomalyDetectorTest) this finds about 92% of planted changes of 30% or more with about 0.6 false
     * alarms per 60 busy days; the 20% floor is what keeps false alarms down on noisy shops, 2.5 what keeps recall up.
     */
    public static AnomalyDetector standard() {
        return new AnomalyDetector(2.5, 0.20, 20);
    }

    /** The same detector with another volume guard (clicks or won deals instead of orders). */
    public AnomalyDetector withMinVolume(double volume) {
        return new AnomalyDetector(threshold, minRelativeChange, volume);
    }

    /**
     * Expected value of values[i] from values[0..i-1] only (same weekday = i-7, i-14, ...; index 0 is any weekday; the
     * series has one value per consecutive day). Empty if too little history (fewer than 4 same-weekday points within
     * the last 8 weeks). The value is the mean of the middle four of the last eight same weekdays (with fewer points,
     * of the middle ones down to the median).
     */
    public OptionalDouble expected(double[] values, int i) {
        double[] points = new double[WEEKS];
        int n = 0;
        for (int k = 1; k <= WEEKS && i - 7 * k >= 0; k++) {
            double v = values[i - 7 * k];
            if (!Double.isNaN(v)) {
                points[n++] = v;
            }
        }
        // the middle four of the last eight: two wild days on either side cannot move it
        return n < MIN_POINTS ? OptionalDouble.empty() : OptionalDouble.of(Robust.trimmedMean(points, n, 2));
    }

    /**
     * Anomaly of values[i] or empty. volume = a count series of the same days (e.g. orders) used for the minimum-volume
     * guard: no finding when the expected volume of day i is below minVolume (quiet days raise no noise). For a count
     * KPI pass the same array twice.
     */
    public Optional<Anomaly> check(double[] values, double[] volume, int i) {
        if (!busy(volume, i) || Double.isNaN(values[i])) {
            return Optional.empty();
        }
        OptionalDouble baseline = expected(values, i);
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        double expected = baseline.getAsDouble();
        OptionalDouble sigma = typicalMiss(values, volume, i, expected);
        if (sigma.isEmpty() || sigma.getAsDouble() == 0) {
            return Optional.empty();
        }
        double actual = values[i];
        double change = expected == 0 ? Double.NaN : (actual - expected) / expected;
        double score = (actual - expected) / sigma.getAsDouble();
        boolean large = Double.isNaN(change) || Math.abs(change) >= minRelativeChange;
        return Math.abs(score) >= threshold && large
                ? Optional.of(new Anomaly(expected, actual, score, change))
                : Optional.empty();
    }

    /**
     * How far a baseline of `expected` for day i typically misses, in the KPI's units; empty when the last 8 weeks
     * hold too few busy days to tell.
     */
    OptionalDouble typicalMiss(double[] values, double[] volume, int i, double expected) {
        Noise noise = noise(values, volume, i);
        if (noise == null) {
            return OptionalDouble.empty();
        }
        // a KPI is never known to better than 1% (rounding, late corrections); a zero baseline can only be judged in units
        return OptionalDouble.of(expected == 0 ? noise.absolute() : Math.max(noise.relative(), 0.01) * Math.abs(expected));
    }

    private boolean busy(double[] volume, int i) {
        OptionalDouble expectedVolume = expected(volume, i);
        return expectedVolume.isPresent() && expectedVolume.getAsDouble() >= minVolume;
    }

    /** Typical miss of the baseline, relative to it and in units. */
    private record Noise(double relative, double absolute) {
    }

    /**
     * How far the baseline typically missed over the last 8 weeks: 1.4826 x the median absolute out-of-sample miss on
     * busy days, a standard deviation that a few wild days cannot inflate. Pooling all weekdays gives ~48 misses, far steadier than the 8 points of one weekday. Null when
     * there are too few.
     */
    private Noise noise(double[] values, double[] volume, int i) {
        double[] relative = new double[7 * WEEKS];
        double[] absolute = new double[7 * WEEKS];
        int n = 0;
        int m = 0;
        for (int j = Math.max(0, i - 7 * WEEKS); j < i; j++) {
            OptionalDouble e = expected(values, j);
            if (busy(volume, j) && e.isPresent() && !Double.isNaN(values[j])) {
                absolute[m++] = Math.abs(values[j] - e.getAsDouble());
                if (e.getAsDouble() != 0) {
                    relative[n++] = Math.abs(values[j] / e.getAsDouble() - 1);
                }
            }
        }
        return m < MIN_RESIDUALS ? null
                : new Noise(n == 0 ? 0 : Robust.MAD_TO_SD * Robust.median(relative, n), Robust.MAD_TO_SD * Robust.median(absolute, m));
    }
}
