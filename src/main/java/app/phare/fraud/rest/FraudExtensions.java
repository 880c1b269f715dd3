package app.phare.fraud.rest;

import app.phare.fraud.PaymentCheck;
import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.util.Set;

/** Display helpers of the Fraud page, as {fraud:badge(c.decision)} in templates. */
@TemplateExtension(namespace = "fraud")
public final class FraudExtensions {

    private FraudExtensions() {
    }

    /** The badge colour of a decision: green, amber, red. */
    public static String badge(String decision) {
        return switch (decision) {
            case PaymentCheck.ALLOW -> "processed";
            case PaymentCheck.REVIEW -> "warn";
            default -> "failed";
        };
    }

    /** A blocklist as the form's text: one entry per line. */
    public static String lines(Set<String> values) {
        return String.join("\n", values);
    }

    /** A plain number for a form field; empty for none. */
    public static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }
}
