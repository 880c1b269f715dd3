package app.phare.fraud;

import app.phare.fraud.Decision.Reason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A stored payment check: the payment as it was sent, the decision with its reasons, and a false-positive mark. */
public record PaymentCheck(long id, String paymentId, String orderId, String customerId, String email, BigDecimal amount,
                           String currency, String cardCountry, String ipCountry, String billingCountry,
                           Instant occurredAt, Instant checkedAt, String decision, int score, List<Reason> reasons,
                           int micros, boolean falsePositive, String markedBy, Instant markedAt) {

    public static final String ALLOW = "allow";
    public static final String REVIEW = "review";
    public static final String BLOCK = "block";

    public static final List<String> DECISIONS = List.of(ALLOW, REVIEW, BLOCK);
}
