package app.phare.fraud;

/** A rule that fired for a payment: which one, the points it added and why, in plain words. */
public record Reason(String rule, int points, String text) {
}
