package app.phare.demo;

import java.util.Random;

/** Weighted random choice over cumulative weights, shared by the demo data generators. */
final class DemoWeights {

    private DemoWeights() {
    }

    /** Running sums of the weights; a zero weight is never picked. */
    static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    /** The index of a weight chosen with probability proportional to it. */
    static int pick(double[] cumulative, Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
