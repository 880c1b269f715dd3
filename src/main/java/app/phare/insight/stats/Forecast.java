package app.phare.insight.stats;

import java.time.LocalDate;

/** A forecast from the day after the history's end: mean and an 80% interval per day. */
public record Forecast(String method, LocalDate start, double[] mean, double[] lower, double[] upper) {
}
