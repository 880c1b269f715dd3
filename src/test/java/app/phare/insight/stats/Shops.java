package app.phare.insight.stats;

import java.util.SplittableRandom;

/** Generated daily orders and revenue of shops: weekday pattern, slow trend, Poisson counts, multiplicative noise. */
final class Shops {

    /** Monday .. Sunday; Sunday is the quiet day (about 3 orders). */
    static final double[] WEEKDAY = {1.0, 0.95, 0.9, 0.9, 0.85, 0.6, 0};
    static final double QUIET_DAY_ORDERS = 3;

    private Shops() {
    }

    /** One shop's year: orders and revenue of the same days, day 0 on a random weekday. */
    record Shop(double[] orders, double[] revenue, int firstWeekday) {

        boolean quiet(int day) {
            return (firstWeekday + day) % 7 == 6;
        }
    }

    /** A shop with 300..3000 Monday orders, -20%..+40% yearly trend and 5..8% daily noise on top of the Poisson counts. */
    static Shop aShop(long seed, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        double level = 300 + random.nextDouble() * 2700;
        double yearlyGrowth = -0.2 + random.nextDouble() * 0.6;
        double noise = 0.05 + random.nextDouble() * 0.03;
        double basket = 20 + random.nextDouble() * 80;
        int firstWeekday = random.nextInt(7);
        double[] orders = new double[days];
        double[] revenue = new double[days];
        for (int d = 0; d < days; d++) {
            int weekday = (firstWeekday + d) % 7;
            double mean = weekday == 6 ? QUIET_DAY_ORDERS
                    : level * WEEKDAY[weekday] * (1 + yearlyGrowth * d / 365.0) * Math.exp(noise * gaussian(random));
            orders[d] = poisson(random, mean);
            revenue[d] = orders[d] * basket * averageBasketFactor(random, orders[d]);
        }
        return new Shop(orders, revenue, firstWeekday);
    }

    /** The day's average basket: single baskets are lognormal with sigma 0.5, so the average wanders by about 0.5/sqrt(n). */
    private static double averageBasketFactor(SplittableRandom random, double orders) {
        return orders == 0 ? 1 : Math.exp(0.5 / Math.sqrt(orders) * gaussian(random));
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static double poisson(SplittableRandom random, double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
