package app.phare.insight.stats;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** Daily KPI forecasts: Holt-Winters when a backtest shows it beats last week's values, otherwise last week's values. */
public final class Forecaster {

    static final String WEEKLY = "Holt-Winters (weekly)";
    static final String WEEKLY_YEARLY = "Holt-Winters (weekly + yearly)";
    static final String NAIVE = "Seasonal naive (same weekday last week)";
    /** The issue asks for 8 weeks of backtest. */
    static final int BACKTEST_DAYS = 56;
    /** The backtest's fit needs four weeks of its own. */
    static final int MIN_FIT = 28;
    private static final int WEEK = 7;
    /** A weekday with no activity on its last four occurrences is closed, and forecast as closed. */
    private static final int CLOSED_WEEKS = 4;
    private static final double Z80 = 1.2816;

    private Forecaster() {
    }

    /**
     * Holt-Winters (additive, damped trend) with weekly seasonality; when history >= 2 years (730 days) also a yearly
     * index (same period last year, smoothed). Parameters by grid search on one-step in-sample error. Mean and bounds
     * clipped at >= 0. method = "Holt-Winters (weekly)" or "Holt-Winters (weekly + yearly)". Needs 14 days of history.
     */
    public static Forecast holtWinters(LocalDate start, double[] history, int horizon) {
        int n = history.length;
        if (n < HoltWinters.MIN_HISTORY || horizon < 0) {
            throw new IllegalArgumentException("Holt-Winters needs " + HoltWinters.MIN_HISTORY + " days of history, got " + n);
        }
        YearlyIndex yearly = YearlyIndex.of(history);
        double[] x = history.clone();
        for (int t = 0; yearly != null && t < n; t++) {
            x[t] -= yearly.at(t);
        }
        double[][] out = HoltWinters.fit(x).forecast(n, horizon);
        for (int h = 0; yearly != null && h < horizon; h++) {
            for (double[] row : out) {
                row[h] += yearly.at(n + h);
            }
        }
        return finish(yearly == null ? WEEKLY : WEEKLY_YEARLY, start, history, out);
    }

    /** Last week's value for the same weekday, with an 80% interval from the seasonal differences' spread. method = "Seasonal naive (same weekday last week)". */
    public static Forecast seasonalNaive(LocalDate start, double[] history, int horizon) {
        int n = history.length;
        if (n == 0 || horizon < 0) {
            throw new IllegalArgumentException("Seasonal naive needs at least one day of history");
        }
        double sigma = seasonalSpread(history);
        double[][] out = new double[3][horizon];
        for (int h = 0; h < horizon; h++) {
            int source = n - WEEK + h % WEEK;
            double mean = source >= 0 ? history[source] : history[n - 1];
            // each week further out repeats an older week: one more seasonal difference of uncertainty
            double half = Z80 * sigma * Math.sqrt(h / WEEK + 1);
            out[0][h] = mean;
            out[1][h] = mean - half;
            out[2][h] = mean + half;
        }
        return finish(NAIVE, start, history, out);
    }

    /** Backtest over the last `days` (the issue asks 56 = 8 weeks). Needs history >= days + 28, else throws IllegalArgumentException. */
    public static Backtest backtest(double[] history, int days) {
        if (days <= 0 || history.length < days + MIN_FIT) {
            throw new IllegalArgumentException("A backtest of " + days + " days needs " + (days + MIN_FIT)
                    + " days of history, got " + history.length);
        }
        double[] fit = Arrays.copyOf(history, history.length - days);
        double[] actual = Arrays.copyOfRange(history, history.length - days, history.length);
        double method = smape(actual, holtWinters(LocalDate.EPOCH, fit, days).mean());
        double naive = smape(actual, seasonalNaive(LocalDate.EPOCH, fit, days).mean());
        return new Backtest(days, method, naive);
    }

    /**
     * backtest(history, 56) then the winner's forecast of `horizon` days from the full history. With less than 56+28
     * days of history: seasonal naive, Backtest with NaN errors, note saying the history is too short to test.
     * An empty history throws IllegalArgumentException.
     */
    public static ForecastChoice forecast(LocalDate start, double[] history, int horizon) {
        if (history.length < BACKTEST_DAYS + MIN_FIT) {
            return new ForecastChoice(seasonalNaive(start, history, horizon), new Backtest(BACKTEST_DAYS, Double.NaN, Double.NaN),
                    false, String.format(Locale.ROOT, "History too short to test a forecasting method (%d days, %d needed): "
                            + "showing last week's value for each weekday.", history.length, BACKTEST_DAYS + MIN_FIT));
        }
        Backtest test = backtest(history, BACKTEST_DAYS);
        if (test.methodWins()) {
            Forecast forecast = holtWinters(start, history, horizon);
            return new ForecastChoice(forecast, test, true, String.format(Locale.ROOT, "%s chosen: over the last 8 weeks "
                    + "it was off by %.1f%% on average (sMAPE), last week's values by %.1f%%.",
                    forecast.method(), test.methodSmape(), test.naiveSmape()));
        }
        return new ForecastChoice(seasonalNaive(start, history, horizon), test, false, String.format(Locale.ROOT,
                "Last week's values chosen: over the last 8 weeks Holt-Winters was off by %.1f%% on average (sMAPE), "
                        + "no better than last week's values at %.1f%%.", test.methodSmape(), test.naiveSmape()));
    }

    /** Symmetric mean absolute percentage error in percent (0..200); a day where both are 0 is no error. */
    static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            double scale = Math.abs(actual[t]) + Math.abs(forecast[t]);
            sum += scale == 0 ? 0 : 200 * Math.abs(actual[t] - forecast[t]) / scale;
        }
        return sum / actual.length;
    }

    /** Root mean square of the week-over-week differences of the last year: the naive forecast's one-week error. */
    private static double seasonalSpread(double[] history) {
        double sum = 0;
        int count = 0;
        for (int t = Math.max(WEEK, history.length - 364); t < history.length; t++) {
            double difference = history[t] - history[t - WEEK];
            sum += difference * difference;
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    private static Forecast finish(String method, LocalDate start, double[] history, double[][] out) {
        int n = history.length;
        for (int h = 0; h < out[0].length; h++) {
            boolean closed = n >= CLOSED_WEEKS * WEEK;
            for (int k = 1; closed && k <= CLOSED_WEEKS; k++) {
                closed = history[n + h % WEEK - WEEK * k] == 0;
            }
            for (double[] row : out) {
                // a closed weekday stays closed; otherwise a KPI cannot go below 0
                row[h] = closed ? 0 : Math.max(0, row[h]);
            }
        }
        return new Forecast(method, start.plusDays(n), out[0], out[1], out[2]);
    }
}
