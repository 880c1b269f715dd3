package app.phare.insight.stats;

/** The yearly pattern of a long history: each day's distance from the trend, averaged over the same day of past years and smoothed. */
final class YearlyIndex {

    /** 52 weeks rather than 365 days, so a day's weekday matches last year's. */
    static final int YEAR = 364;
    static final int MIN_HISTORY = 730;
    /** Three weeks: a whole number of weeks cancels the weekday pattern, three also quiet the day-to-day noise. */
    private static final int SMOOTHING = 21;

    private final double[] index = new double[YEAR];
    /** The day of the history that is phase 0 of the index. */
    private final int origin;

    private YearlyIndex(double[] x) {
        int years = x.length / YEAR;
        origin = x.length - years * YEAR;
        double[] line = trendLine(x, origin);
        double[] raw = new double[YEAR];
        for (int t = origin; t < x.length; t++) {
            raw[(t - origin) % YEAR] += (x[t] - line[0] - line[1] * t) / years;
        }
        double sum = 0;
        for (int p = 0; p < YEAR; p++) {
            double window = 0;
            for (int k = -SMOOTHING / 2; k <= SMOOTHING / 2; k++) {
                window += raw[Math.floorMod(p + k, YEAR)];
            }
            index[p] = window / SMOOTHING;
            sum += index[p];
        }
        for (int p = 0; p < YEAR; p++) {
            index[p] -= sum / YEAR;
        }
    }

    /** The index of x, or null when x is shorter than two years. */
    static YearlyIndex of(double[] x) {
        return x.length >= MIN_HISTORY ? new YearlyIndex(x) : null;
    }

    /** The yearly effect on day t (any day, inside or after the history). */
    double at(int t) {
        return index[Math.floorMod(t - origin, YEAR)];
    }

    /** Intercept and slope of the least-squares line through x[from..]. */
    private static double[] trendLine(double[] x, int from) {
        int n = x.length - from;
        double meanT = from + (n - 1) / 2.0;
        double meanX = 0;
        for (int t = from; t < x.length; t++) {
            meanX += x[t] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int t = from; t < x.length; t++) {
            covariance += (t - meanT) * (x[t] - meanX);
            variance += (t - meanT) * (t - meanT);
        }
        double slope = covariance / variance;
        return new double[]{meanX - slope * meanT, slope};
    }
}
