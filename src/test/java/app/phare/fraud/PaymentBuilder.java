package app.phare.fraud;

import java.math.BigDecimal;
import java.time.Instant;

/** Named test data for the rule maths: {@code aPayment().customer("C1").amount("80.00").build()}. */
final class PaymentBuilder {

    private String paymentId = "p-1";
    private String customerId = "C1";
    private String email = "ann@example.com";
    private BigDecimal amount = new BigDecimal("50.00");
    private String cardCountry = "FR";
    private String ipCountry = "FR";
    private String billingCountry = "FR";

    static PaymentBuilder aPayment() {
        return new PaymentBuilder();
    }

    PaymentBuilder customer(String id) {
        customerId = id;
        return this;
    }

    PaymentBuilder email(String e) {
        email = e;
        return this;
    }

    PaymentBuilder amount(String a) {
        amount = new BigDecimal(a);
        return this;
    }

    PaymentBuilder countries(String card, String ip, String billing) {
        cardCountry = card;
        ipCountry = ip;
        billingCountry = billing;
        return this;
    }

    PaymentRequest build() {
        return new PaymentRequest(paymentId, null, customerId, email, amount, "EUR", cardCountry, ipCountry, billingCountry,
                Instant.parse("2026-03-01T10:00:00Z"));
    }
}
