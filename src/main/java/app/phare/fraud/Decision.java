package app.phare.fraud;

import java.util.List;

/** The answer to a payment check: allow, review or block, the score (0 to 100) and the reasons behind it. */
public record Decision(String paymentId, String decision, int score, List<Reason> reasons) {

    /** A rule that fired: which one, the points it added and why, in plain words. */
    public record Reason(String rule, int points, String text) {
    }
}
