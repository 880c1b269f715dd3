package app.phare.insight.stats;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Attribution names the country whose orders dropped, not the channel they came through. */
class AttributionTest {

    private static final String[] COUNTRIES = {"FR", "DE", "ES", "IT", "BE"};
    private static final double[] COUNTRY_SHARES = {0.40, 0.25, 0.15, 0.12, 0.08};
    private static final String[] CHANNELS = {"web", "app", "marketplace"};
    private static final double[] CHANNEL_SHARES = {0.55, 0.30, 0.15};
    private static final int DAYS = 365;
    private static final int SHOPS = 15;
    private static final int DIPS_PER_SHOP = 10;

    private final AnomalyDetector detector = AnomalyDetector.standard();

    @Test
    void namesTheCountryThatDroppedInNineCasesOutOfTen() {
        int cases = 0;
        int named = 0;
        int flagged = 0;
        int namedWhenFlagged = 0;
        for (int s = 0; s < SHOPS; s++) {
            SplittableRandom random = new SplittableRandom(500 + s);
            int firstWeekday = random.nextInt(7);
            double[][][] cells = aShopByCountryAndChannel(random, firstWeekday);
            for (int k = 0; k < DIPS_PER_SHOP; k++) {
                // one dip every four weeks from day 84, on a random busy weekday of that week
                int day = 84 + 28 * k + random.nextInt(7);
                day += (firstWeekday + day) % 7 == 6 ? 1 : 0;
                int country = random.nextInt(COUNTRIES.length);
                double drop = 0.4 + random.nextDouble() * 0.4;
                for (int channel = 0; channel < CHANNELS.length; channel++) {
                    cells[country][channel][day] = Math.round(cells[country][channel][day] * (1 - drop));
                }
                List<Contribution> explanation = Attribution.explain(byDimension(cells), day, detector);
                boolean right = !explanation.isEmpty() && explanation.get(0).dimension().equals("country")
                        && explanation.get(0).value().equals(COUNTRIES[country]);
                double[] total = byDimension(cells).get("country").values().stream()
                        .reduce(new double[DAYS], AttributionTest::plus);
                boolean anomaly = detector.check(total, total, day).isPresent();
                cases++;
                named += right ? 1 : 0;
                flagged += anomaly ? 1 : 0;
                namedWhenFlagged += right && anomaly ? 1 : 0;
            }
        }
        double rate = (double) named / cases;
        System.out.printf("attribution names the planted country in %.1f%% of %d dips (%.1f%% of the %d the detector flags)%n",
                100 * rate, cases, 100.0 * namedWhenFlagged / flagged, flagged);
        assertThat(cases).isGreaterThanOrEqualTo(100);
        assertThat(rate).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void namesTheChannelWhenTheAppIsDown() {
        double[][][] cells = aShopByCountryAndChannel(new SplittableRandom(99), 0);
        int day = 200;
        for (int country = 0; country < COUNTRIES.length; country++) {
            cells[country][1][day] = Math.round(cells[country][1][day] * 0.3);
        }
        assertThat(Attribution.explain(byDimension(cells), day, detector)).first().satisfies(c -> {
            assertThat(c.dimension()).isEqualTo("channel");
            assertThat(c.value()).isEqualTo("app");
            assertThat(c.share()).isGreaterThan(0.8);
        });
    }

    @Test
    void explainsNothingWhenEverythingDroppedTogether() {
        double[][][] cells = aShopByCountryAndChannel(new SplittableRandom(98), 0);
        int day = 200;
        for (double[][] country : cells) {
            for (double[] cell : country) {
                cell[day] = Math.round(cell[day] * 0.6);
            }
        }
        assertThat(Attribution.explain(byDimension(cells), day, detector)).isEmpty();
    }

    @Test
    void listsOnlyValuesMovingWithTheTotalBiggestFirst() {
        Map<String, Map<String, double[]>> byDimension = Map.of("country", Map.of(
                "FR", weeks(100, 40), "DE", weeks(50, 30), "ES", weeks(30, 35), "IT", weeks(20, 20)));
        List<Contribution> explanation = Attribution.explain(byDimension, 56, detector);
        // the total fell by 75: FR -60, DE -20, ES +5
        assertThat(explanation).extracting(Contribution::value).containsExactly("FR", "DE");
        assertThat(explanation.get(0).share()).isCloseTo(0.8, within(1e-9));
        assertThat(explanation.get(0).expected()).isEqualTo(100);
        assertThat(explanation.get(0).actual()).isEqualTo(40);
    }

    @Test
    void explainsNothingOnAnOrdinaryDay() {
        Map<String, Map<String, double[]>> byDimension = Map.of("country", Map.of("FR", weeks(100, 100), "DE", weeks(50, 50)));
        assertThat(Attribution.explain(byDimension, 56, detector)).isEmpty();
    }

    @Test
    void aNewCampaignHasNoBaselineAndExplainsAllItBrings() {
        double[] newCampaign = new double[57];
        newCampaign[56] = 80;
        Map<String, Map<String, double[]>> byDimension = Map.of("campaign", Map.of("none", weeks(100, 100), "spring", newCampaign));
        List<Contribution> explanation = Attribution.explain(byDimension, 56, detector);
        assertThat(explanation).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo("spring");
            assertThat(c.expected()).isZero();
            assertThat(c.share()).isEqualTo(1);
        });
    }

    /** 56 days at `usual`, then day 56 at `today`. */
    private static double[] weeks(double usual, double today) {
        double[] series = new double[57];
        java.util.Arrays.fill(series, usual);
        series[56] = today;
        return series;
    }

    /**
     * Daily orders per country and channel: 2000 Monday orders, the shops' weekday pattern (Sunday closed), a 3% daily
     * mood common to all (weather, news) and 5% noise of each cell on top of the Poisson counts.
     */
    private static double[][][] aShopByCountryAndChannel(SplittableRandom random, int firstWeekday) {
        double[][][] cells = new double[COUNTRIES.length][CHANNELS.length][DAYS];
        for (int day = 0; day < DAYS; day++) {
            double weekday = Shops.WEEKDAY[(firstWeekday + day) % 7];
            double mood = Math.exp(0.03 * Shops.gaussian(random));
            for (int c = 0; c < COUNTRIES.length; c++) {
                for (int h = 0; h < CHANNELS.length; h++) {
                    double mean = 2000 * weekday * mood * COUNTRY_SHARES[c] * CHANNEL_SHARES[h] * Math.exp(0.05 * Shops.gaussian(random));
                    cells[c][h][day] = Shops.poisson(random, mean);
                }
            }
        }
        return cells;
    }

    private static Map<String, Map<String, double[]>> byDimension(double[][][] cells) {
        Map<String, double[]> countries = new LinkedHashMap<>();
        Map<String, double[]> channels = new LinkedHashMap<>();
        for (int c = 0; c < COUNTRIES.length; c++) {
            for (int h = 0; h < CHANNELS.length; h++) {
                countries.merge(COUNTRIES[c], cells[c][h], AttributionTest::plus);
                channels.merge(CHANNELS[h], cells[c][h], AttributionTest::plus);
            }
        }
        Map<String, Map<String, double[]>> byDimension = new LinkedHashMap<>();
        byDimension.put("channel", channels);
        byDimension.put("country", countries);
        return byDimension;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int d = 0; d < a.length; d++) {
            sum[d] = a[d] + b[d];
        }
        return sum;
    }
}
