package app.phare.insight.stats;

/** Finding for one day of one KPI. change = (actual-expected)/expected (NaN if expected==0). */
public record Anomaly(double expected, double actual, double score, double change) {
}
