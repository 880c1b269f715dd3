package app.phare.insight.stats;

/** Additive damped-trend Holt-Winters with a weekly season, its parameters chosen by grid search on one-step in-sample error. */
final class HoltWinters {

    static final int WEEK = 7;
    /** Shortest history: one week to start the season, one more to start the trend. */
    static final int MIN_HISTORY = 2 * WEEK;
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
    private static final double[] BETAS = {0.001, 0.01, 0.05};
    private static final double[] GAMMAS = {0.01, 0.05, 0.1, 0.2, 0.35};
    private static final double[] PHIS = {0.8, 0.9, 0.98};
    /** The first two weeks mostly measure the starting guess, so they do not score a parameter set. */
    private static final int BURN_IN = 2 * WEEK;
    private static final double Z80 = 1.2816;

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private double level;
    private double trend;
    private final double[] season = new double[WEEK];
    private double squaredErrors;
    private int errors;

    private HoltWinters(double[] x, double alpha, double beta, double gamma, double phi) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        start(x);
        for (int t = 0; t < x.length; t++) {
            double error = x[t] - (level + phi * trend + season[t % WEEK]);
            if (t >= BURN_IN) {
                squaredErrors += error * error;
                errors++;
            }
            // error-correction form of ETS(A,Ad,A)
            level = level + phi * trend + alpha * error;
            trend = phi * trend + beta * error;
            season[t % WEEK] += gamma * error;
        }
    }

    /** The best parameter set for x; x needs at least MIN_HISTORY days. */
    static HoltWinters fit(double[] x) {
        HoltWinters best = null;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : GAMMAS) {
                    for (double phi : PHIS) {
                        HoltWinters candidate = new HoltWinters(x, alpha, beta, gamma, phi);
                        if (best == null || candidate.squaredErrors < best.squaredErrors) {
                            best = candidate;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Mean, lower and upper (80%) of the days n .. n+horizon-1 after a history of n days. */
    double[][] forecast(int n, int horizon) {
        double sigma = errors == 0 ? 0 : Math.sqrt(squaredErrors / errors);
        double[][] out = new double[3][horizon];
        double damped = 0;
        double variance = 0;
        for (int h = 1; h <= horizon; h++) {
            damped += Math.pow(phi, h);
            double mean = level + damped * trend + season[(n + h - 1) % WEEK];
            // forecast variance of ETS(A,Ad,A): sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta*phi_j + gamma*[j is a whole week]
            out[0][h - 1] = mean;
            out[1][h - 1] = mean - Z80 * sigma * Math.sqrt(1 + variance);
            out[2][h - 1] = mean + Z80 * sigma * Math.sqrt(1 + variance);
            double c = alpha + beta * damped + (h % WEEK == 0 ? gamma : 0);
            variance += c * c;
        }
        return out;
    }

    private void start(double[] x) {
        int weeks = Math.min(4, x.length / WEEK);
        double first = mean(x, 0);
        double last = mean(x, weeks - 1);
        level = first;
        trend = weeks > 1 ? (last - first) / (WEEK * (weeks - 1)) : 0;
        for (int w = 0; w < weeks; w++) {
            double weekMean = mean(x, w);
            for (int d = 0; d < WEEK; d++) {
                season[d] += (x[w * WEEK + d] - weekMean) / weeks;
            }
        }
        // the level starts mid first week; move it to the day before day 0 so the first step is a one-step forecast
        level -= 3 * trend + phi * trend;
    }

    private static double mean(double[] x, int week) {
        double sum = 0;
        for (int d = 0; d < WEEK; d++) {
            sum += x[week * WEEK + d];
        }
        return sum / WEEK;
    }
}
