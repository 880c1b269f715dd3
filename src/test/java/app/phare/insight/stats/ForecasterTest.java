package app.phare.insight.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Holt-Winters against last week's values: the backtest decides, intervals hold about 80%, nothing goes negative. */
class ForecasterTest {

    private static final LocalDate START = LocalDate.of(2023, 1, 2);
    /** Two years of history plus the eight weeks the backtest holds out, so the backtest fits the yearly model too. */
    private static final int TWO_YEARS_AND_TEST = 730 + Forecaster.BACKTEST_DAYS;

    @Test
    void holtWintersWithTheYearBeatsLastWeekOnTwoYearsOfSeasonalSales() {
        for (long seed = 1; seed <= 5; seed++) {
            ForecastChoice choice = Forecaster.forecast(START, weeklyAndYearlySales(seed, TWO_YEARS_AND_TEST, 0.05), 28);
            System.out.printf("seasonal sales %d: Holt-Winters %.1f%% vs seasonal naive %.1f%% sMAPE%n",
                    seed, choice.backtest().methodSmape(), choice.backtest().naiveSmape());
            assertThat(choice.backtest().methodWins()).isTrue();
            assertThat(choice.methodChosen()).isTrue();
            assertThat(choice.forecast().method()).isEqualTo("Holt-Winters (weekly + yearly)");
            assertThat(choice.forecast().start()).isEqualTo(START.plusDays(TWO_YEARS_AND_TEST));
            assertThat(choice.note()).startsWith("Holt-Winters (weekly + yearly) chosen");
        }
    }

    @Test
    void oneYearOfHistoryGetsTheWeeklyModelOnly() {
        assertThat(Forecaster.holtWinters(START, weeklyAndYearlySales(1, 729, 0.05), 7).method()).isEqualTo("Holt-Winters (weekly)");
    }

    @Test
    void choosesWhicheverErredLessOnNoiseAroundAWeekWithALevelShift() {
        for (long seed = 1; seed <= 8; seed++) {
            ForecastChoice choice = Forecaster.forecast(START, noiseAroundAWeekWithALevelShift(seed), 14);
            Backtest test = choice.backtest();
            assertThat(choice.methodChosen()).isEqualTo(test.methodSmape() < test.naiveSmape());
            assertThat(choice.forecast().method()).isEqualTo(choice.methodChosen()
                    ? Forecaster.holtWinters(START, noiseAroundAWeekWithALevelShift(seed), 1).method() : Forecaster.NAIVE);
        }
    }

    @Test
    void choosesLastWeekWhenTheWeeklyPatternJustChanged() {
        double[] history = new double[270];
        for (int day = 0; day < history.length; day++) {
            // the busy day moves from the first to the fifth day of the week two weeks before the backtest starts
            int busyDay = day < history.length - Forecaster.BACKTEST_DAYS - 14 ? 0 : 4;
            history[day] = day % 7 == busyDay ? 900 : 100 + day % 7;
        }
        ForecastChoice choice = Forecaster.forecast(START, history, 14);
        assertThat(choice.methodChosen()).isFalse();
        assertThat(choice.forecast().method()).isEqualTo("Seasonal naive (same weekday last week)");
        assertThat(choice.note()).startsWith("Last week's values chosen").contains("no better than last week's values");
    }

    @Test
    void intervalsHoldAboutEightyPercentOfAHeldOutMonth() {
        int days = 0;
        int inHoltWinters = 0;
        int inNaive = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] series = weeklyAndYearlySales(seed, 400 + 13 * (int) seed, 0.04 + 0.002 * seed);
            double[] fit = Arrays.copyOf(series, series.length - 28);
            Forecast holtWinters = Forecaster.holtWinters(START, fit, 28);
            Forecast naive = Forecaster.seasonalNaive(START, fit, 28);
            for (int h = 0; h < 28; h++) {
                double actual = series[fit.length + h];
                days++;
                inHoltWinters += actual >= holtWinters.lower()[h] && actual <= holtWinters.upper()[h] ? 1 : 0;
                inNaive += actual >= naive.lower()[h] && actual <= naive.upper()[h] ? 1 : 0;
            }
        }
        System.out.printf("80%% intervals hold %.1f%% (Holt-Winters) and %.1f%% (seasonal naive) of %d held-out days%n",
                100.0 * inHoltWinters / days, 100.0 * inNaive / days, days);
        assertThat((double) inHoltWinters / days).isBetween(0.60, 0.95);
        assertThat((double) inNaive / days).isBetween(0.60, 0.95);
    }

    @Test
    void neverForecastsBelowZeroForAFadingProduct() {
        SplittableRandom random = new SplittableRandom(11);
        double[] history = new double[150];
        for (int day = 0; day < history.length; day++) {
            history[day] = Shops.poisson(random, Math.max(0.5, 30 - 0.2 * day));
        }
        for (Forecast forecast : new Forecast[]{Forecaster.holtWinters(START, history, 90), Forecaster.seasonalNaive(START, history, 90),
                Forecaster.forecast(START, history, 90).forecast()}) {
            assertThat(forecast.mean()).hasSize(90);
            assertThat(Arrays.stream(forecast.mean()).min().getAsDouble()).isNotNegative();
            assertThat(Arrays.stream(forecast.lower()).min().getAsDouble()).isNotNegative();
        }
    }

    @Test
    void shortHistoryFallsBackToLastWeekWithANote() {
        double[] history = weeklyAndYearlySales(3, 60, 0.05);
        ForecastChoice choice = Forecaster.forecast(START, history, 14);
        assertThat(choice.methodChosen()).isFalse();
        assertThat(choice.forecast().method()).isEqualTo("Seasonal naive (same weekday last week)");
        assertThat(choice.forecast().mean()[0]).isEqualTo(history[53]);
        assertThat(choice.backtest().methodSmape()).isNaN();
        assertThat(choice.backtest().naiveSmape()).isNaN();
        assertThat(choice.note()).contains("too short").contains("60 days");
    }

    @Test
    void backtestRefusesTooShortAHistory() {
        assertThatIllegalArgumentException().isThrownBy(() -> Forecaster.backtest(new double[83], 56));
        assertThat(Forecaster.backtest(new double[84], 56).methodSmape()).isZero();
    }

    @Test
    void aShopClosedOnSaturdaysStaysClosedAndBreaksNothing() {
        SplittableRandom random = new SplittableRandom(3);
        double[] history = new double[200];
        for (int day = 0; day < history.length; day++) {
            // open on Sundays like on Fridays
            history[day] = day % 7 == 5 ? 0 : Shops.poisson(random, 100 * Shops.WEEKDAY[day % 7 == 6 ? 4 : day % 7]);
        }
        ForecastChoice choice = Forecaster.forecast(START, history, 14);
        assertThat(choice.backtest().methodSmape()).isFinite();
        assertThat(choice.backtest().naiveSmape()).isFinite();
        Forecast forecast = Forecaster.holtWinters(START, history, 14);
        for (int h = 0; h < 14; h++) {
            if ((history.length + h) % 7 == 5) {
                assertThat(new double[]{forecast.lower()[h], forecast.mean()[h], forecast.upper()[h]}).containsOnly(0);
            } else {
                assertThat(forecast.mean()[h]).isBetween(50.0, 150.0);
            }
        }
    }

    @Test
    void smapeCountsDaysWhereBothAreZeroAsNoError() {
        assertThat(Forecaster.smape(new double[]{0, 100, 0}, new double[]{0, 50, 10})).isCloseTo((0 + 200.0 / 3 + 200) / 3, within(1e-9));
    }

    /** Sales with weekly pattern, +30% a year, a yearly wave of +-25% peaking late December, lognormal noise. */
    private static double[] weeklyAndYearlySales(long seed, int days, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        int firstWeekday = random.nextInt(7);
        double[] sales = new double[days];
        for (int day = 0; day < days; day++) {
            double trend = 1000 * (1 + 0.3 * day / 365.0);
            double year = 1 + 0.25 * Math.cos(2 * Math.PI * (day - 350) / 365.25);
            // Sunday sells like Saturday here: this shop is open every day
            int weekday = Math.min((firstWeekday + day) % 7, 5);
            sales[day] = trend * year * Shops.WEEKDAY[weekday] * Math.exp(noise * Shops.gaussian(random));
        }
        return sales;
    }

    /** White noise around a fixed weekly pattern, whose level jumps by 30% 100 days before the end. */
    private static double[] noiseAroundAWeekWithALevelShift(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] sales = new double[300];
        for (int day = 0; day < sales.length; day++) {
            double level = day < 200 ? 500 : 650;
            sales[day] = level * Shops.WEEKDAY[Math.min(day % 7, 5)] + 50 * Shops.gaussian(random);
        }
        return sales;
    }
}
