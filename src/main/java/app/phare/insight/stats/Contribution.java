package app.phare.insight.stats;

/** One value's part in a deviation. share = its deviation / total deviation (0..1 when in the same direction). */
public record Contribution(String dimension, String value, double expected, double actual, double share) {
}
