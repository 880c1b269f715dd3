package app.phare.insight.stats;

import java.util.Arrays;

/** Order statistics shared by the detector and the forecasters. */
final class Robust {

    /** Scales a median absolute deviation to a normal standard deviation. */
    static final double MAD_TO_SD = 1.4826;

    private Robust() {
    }

    /** Median of the first n values (the array is copied, not reordered). NaN when n is 0. */
    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(double[] values) {
        return median(values, values.length);
    }

    /**
     * Mean of the first n values without their `trim` lowest and `trim` highest (fewer when n is small, down to the
     * median). Steadier than the median on clean data, as robust while at most `trim` values on each side are wild.
     */
    static double trimmedMean(double[] values, int n, int trim) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int cut = Math.min(trim, (n - 1) / 2);
        double sum = 0;
        for (int k = cut; k < n - cut; k++) {
            sum += sorted[k];
        }
        return sum / (n - 2 * cut);
    }
}
