package app.phare.insight.stats;

import app.phare.insight.stats.Shops.Shop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.assertj.core.api.InstanceOfAssertFactories.DOUBLE;

/** The detector on generated shop years: planted dips and spikes are found, clean days stay quiet. */
class AnomalyDetectorTest {

    private static final double[] SIZES = {-0.6, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.6};
    private static final int SHOPS = 20;
    private static final int DAYS = 365;
    private static final int FIRST_PLANTED = 71;
    private static final int PLANTED_PER_SERIES = 20;

    private final AnomalyDetector detector = AnomalyDetector.standard();

    private record Planted(int day, double size) {
    }

    @Test
    void findsNineInTenPlantedChangesOfThirtyPercentOrMore() {
        int[] planted = new int[SIZES.length];
        int[] found = new int[SIZES.length];
        for (int s = 0; s < SHOPS; s++) {
            Shop shop = Shops.aShop(s, DAYS);
            SplittableRandom random = new SplittableRandom(1000 + s);
            // orders KPI: an outage or a promotion moves the day's orders (and so its revenue)
            double[] orders = shop.orders().clone();
            List<Planted> orderChanges = plant(shop, random);
            orderChanges.forEach(p -> orders[p.day] = Math.round(orders[p.day] * (1 + p.size)));
            tally(orderChanges, orders, orders, planted, found);
            // revenue KPI: a price error moves revenue while orders stay as they were
            double[] revenue = shop.revenue().clone();
            List<Planted> revenueChanges = plant(shop, random);
            revenueChanges.forEach(p -> revenue[p.day] *= 1 + p.size);
            tally(revenueChanges, revenue, shop.orders(), planted, found);
        }
        int large = 0;
        int largeFound = 0;
        for (int k = 0; k < SIZES.length; k++) {
            System.out.printf("planted %+4.0f%%: found %d of %d%n", SIZES[k] * 100, found[k], planted[k]);
            if (Math.abs(SIZES[k]) >= 0.3) {
                large += planted[k];
                largeFound += found[k];
            }
        }
        double recall = (double) largeFound / large;
        System.out.printf("recall on planted changes of 30%% or more: %.1f%% (%d of %d)%n", 100 * recall, largeFound, large);
        assertThat(large).isGreaterThanOrEqualTo(200);
        assertThat(recall).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void raisesAtMostOneFalseAlarmPerSixtyDaysOnCleanSeries() {
        int checked = 0;
        int busyChecked = 0;
        int alarms = 0;
        for (int s = 0; s < SHOPS; s++) {
            Shop shop = Shops.aShop(s, DAYS);
            for (int day = FIRST_PLANTED; day < DAYS; day++) {
                for (double[] kpi : List.of(shop.orders(), shop.revenue())) {
                    checked++;
                    busyChecked += shop.quiet(day) ? 0 : 1;
                    alarms += detector.check(kpi, shop.orders(), day).isPresent() ? 1 : 0;
                }
            }
        }
        System.out.printf("false alarms: %d over %d days checked = %.2f per 60 days (%.2f per 60 busy days)%n",
                alarms, checked, 60.0 * alarms / checked, 60.0 * alarms / busyChecked);
        // quiet days cannot alarm, so counting per busy day is the stricter reading
        assertThat(60.0 * alarms / busyChecked).isLessThanOrEqualTo(1.0);
    }

    @Test
    void quietDaysRaiseNoFindingEvenWhenTheyTenfold() {
        int quietDays = 0;
        for (int s = 0; s < SHOPS; s++) {
            Shop shop = Shops.aShop(s, DAYS);
            for (int day = FIRST_PLANTED; day < DAYS; day++) {
                if (shop.quiet(day)) {
                    double[] orders = shop.orders().clone();
                    double[] revenue = shop.revenue().clone();
                    orders[day] *= 10;
                    revenue[day] *= 10;
                    quietDays++;
                    assertThat(detector.check(orders, orders, day)).as("orders, shop %d day %d", s, day).isEmpty();
                    assertThat(detector.check(revenue, orders, day)).as("revenue, shop %d day %d", s, day).isEmpty();
                }
            }
        }
        assertThat(quietDays).isGreaterThan(500);
    }

    @Test
    void spikeBarelyMovesTheBaselineOfLaterWeeks() {
        Shop shop = Shops.aShop(3, DAYS);
        int day = firstBusyDayFrom(shop, 150);
        double[] spiked = shop.orders().clone();
        // a plain mean of eight weeks would move by 7.5%
        spiked[day] *= 1.6;
        for (int later = day + 7; later <= day + 56; later += 7) {
            assertThat(detector.expected(spiked, later).getAsDouble())
                    .isCloseTo(detector.expected(shop.orders(), later).getAsDouble(), withinPercentage(3));
        }
    }

    @Test
    void dipAfterTwoSpikesOnTheSameWeekdayIsStillFound() {
        Shop shop = Shops.aShop(5, DAYS);
        int day = firstBusyDayFrom(shop, 150);
        double[] orders = shop.orders().clone();
        orders[day] *= 1.6;
        orders[day + 7] *= 1.6;
        orders[day + 14] *= 0.6;
        assertThat(detector.check(orders, orders, day + 7)).get().extracting(Anomaly::score).asInstanceOf(DOUBLE).isPositive();
        assertThat(detector.check(orders, orders, day + 14)).get().extracting(Anomaly::change).asInstanceOf(DOUBLE)
                .isCloseTo(-0.4, within(0.15));
        assertThat(detector.check(orders, orders, day + 1)).isEmpty();
        assertThat(detector.check(orders, orders, day + 21)).isEmpty();
    }

    @Test
    void expectsNothingWithFewerThanFourSameWeekdaysOfHistory() {
        double[] values = new double[40];
        Arrays.fill(values, 100);
        assertThat(detector.expected(values, 27)).isEmpty();
        assertThat(detector.expected(values, 28)).hasValue(100);
    }

    @Test
    void expectsFromTheSameWeekdayOnly() {
        double[] values = new double[70];
        for (int day = 0; day < values.length; day++) {
            values[day] = day % 7 == 2 ? 500 : 100;
        }
        assertThat(detector.expected(values, 65)).hasValue(500);
        assertThat(detector.expected(values, 66)).hasValue(100);
    }

    @Test
    void flagsActivityOnAZeroBaselineWithAnUndefinedChange() {
        SplittableRandom random = new SplittableRandom(7);
        double[] orders = new double[100];
        double[] businessOrders = new double[100];
        for (int day = 0; day < orders.length; day++) {
            orders[day] = Shops.poisson(random, 200);
            // business customers never order on day 5 of the week
            businessOrders[day] = day % 7 == 5 ? 0 : Shops.poisson(random, 30);
        }
        businessOrders[96] = 40;
        assertThat(detector.check(businessOrders, orders, 96)).get().satisfies(a -> {
            assertThat(a.expected()).isZero();
            assertThat(a.change()).isNaN();
            assertThat(a.score()).isGreaterThan(2.5);
        });
        assertThat(detector.check(businessOrders, orders, 89)).isEmpty();
    }

    private static int firstBusyDayFrom(Shop shop, int from) {
        int day = from;
        while (shop.quiet(day)) {
            day++;
        }
        return day;
    }

    private void tally(List<Planted> changes, double[] values, double[] volume, int[] planted, int[] found) {
        for (Planted p : changes) {
            int k = indexOf(p.size);
            planted[k]++;
            found[k] += detector.check(values, volume, p.day).isPresent() ? 1 : 0;
        }
    }

    /** Distinct busy days after the first ten weeks, each size twice. */
    private static List<Planted> plant(Shop shop, SplittableRandom random) {
        List<Planted> planted = new ArrayList<>();
        boolean[] taken = new boolean[DAYS];
        while (planted.size() < PLANTED_PER_SERIES) {
            int day = FIRST_PLANTED + random.nextInt(DAYS - FIRST_PLANTED);
            if (!taken[day] && !shop.quiet(day)) {
                taken[day] = true;
                planted.add(new Planted(day, SIZES[planted.size() % SIZES.length]));
            }
        }
        return planted;
    }

    private static int indexOf(double size) {
        for (int k = 0; k < SIZES.length; k++) {
            if (SIZES[k] == size) {
                return k;
            }
        }
        throw new IllegalArgumentException("size " + size);
    }
}
