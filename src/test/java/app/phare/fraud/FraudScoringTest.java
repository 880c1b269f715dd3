package app.phare.fraud;

import app.phare.fraud.Decision.Reason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

import static app.phare.fraud.PaymentBuilder.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule maths: points, thresholds and the reasons in plain words. */
class FraudScoringTest {

    private static final FraudRules RULES = FraudRules.DEFAULTS;

    private static FraudMemory.History history(int payments, int purchases, String usual) {
        return new FraudMemory.History(payments, new TreeSet<>(Set.of("FR")), new TreeSet<>(Set.of("FR")), purchases,
                usual == null ? null : new BigDecimal(usual));
    }

    @Test
    void allowsAnOrdinaryPaymentWithNoReasons() {
        Decision d = FraudScoring.score(aPayment().build(), history(1, 5, "60.00"), RULES);
        assertThat(d.decision()).isEqualTo("allow");
        assertThat(d.score()).isZero();
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void eachPaymentOverTheVelocityLimitAddsTheWeightAgain() {
        Decision fourth = FraudScoring.score(aPayment().build(), history(4, 5, "60.00"), RULES);
        assertThat(fourth.score()).isEqualTo(40);
        assertThat(fourth.decision()).isEqualTo("review");
        assertThat(fourth.reasons()).extracting(Reason::text).containsExactly("4 payments by this customer in 10 minutes (limit 3)");
        Decision fifth = FraudScoring.score(aPayment().build(), history(5, 5, "60.00"), RULES);
        assertThat(fifth.score()).isEqualTo(80);
        assertThat(fifth.decision()).isEqualTo("block");
    }

    @Test
    void anAmountFarAboveTheUsualIsExplainedWithTheFactor() {
        Decision d = FraudScoring.score(aPayment().amount("1250.00").build(), history(1, 4, "130.00"), RULES);
        assertThat(d.reasons()).extracting(Reason::text)
                .containsExactly("amount 1,250.00 is 9.6× this customer's usual 130.00 (limit 5×)");
        assertThat(d.decision()).isEqualTo("review");
    }

    @Test
    void anAmountJustAtTheFactorPasses() {
        Decision d = FraudScoring.score(aPayment().amount("650.00").build(), history(1, 4, "130.00"), RULES);
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void withTooFewPurchasesTheFirstPurchaseLimitAppliesInstead() {
        Decision d = FraudScoring.score(aPayment().amount("800.00").build(), history(1, 2, "20.00"), RULES);
        assertThat(d.reasons()).extracting(Reason::text)
                .containsExactly("amount 800.00 with only 2 earlier purchases is above the first-purchase limit 500.00");
        assertThat(d.score()).isEqualTo(30);
        assertThat(d.decision()).isEqualTo("allow");
        Decision none = FraudScoring.score(aPayment().amount("800.00").build(), history(1, 0, null), RULES);
        assertThat(none.reasons()).extracting(Reason::text)
                .containsExactly("amount 800.00 with no earlier purchase is above the first-purchase limit 500.00");
    }

    @Test
    void countryMismatchesAddUpToAReview() {
        Decision d = FraudScoring.score(aPayment().countries("FR", "NG", "GB").build(), history(1, 5, "60.00"), RULES);
        assertThat(d.reasons()).extracting(Reason::text).containsExactly("card country FR differs from IP country NG",
                "billing country GB differs from card country FR");
        assertThat(d.score()).isEqualTo(40);
        assertThat(d.decision()).isEqualTo("review");
    }

    @Test
    void tooManyCardCountriesAreListed() {
        FraudMemory.History h = new FraudMemory.History(3, new TreeSet<>(Set.of("FR", "DE", "NG")), new TreeSet<>(Set.of("FR")),
                5, new BigDecimal("60.00"));
        Decision d = FraudScoring.score(aPayment().build(), h, RULES);
        assertThat(d.reasons()).extracting(Reason::text)
                .containsExactly("3 card countries for this customer in 10 minutes: DE, FR, NG (limit 2)");
    }

    @Test
    void aBlocklistedEmailOrCountryBlocksAndTheScoreIsCappedAt100() {
        FraudRules rules = new FraudRules(10, 3, 2, 3, new BigDecimal("5"), 3, new BigDecimal("500.00"), 40, 80,
                RULES.weights(), new FraudRules.Blocklist(Set.of("Ann@Example.com "), Set.of(), Set.of("ng")));
        Decision d = FraudScoring.score(aPayment().countries("FR", "NG", "FR").build(), history(1, 5, "60.00"), rules);
        assertThat(d.decision()).isEqualTo("block");
        assertThat(d.score()).isEqualTo(100);
        assertThat(d.reasons()).extracting(Reason::text).contains("email is on the blocklist", "IP country NG is on the blocklist");
    }

    @Test
    void aWeightOfZeroTurnsARuleOff() {
        FraudRules.Weights w = RULES.weights();
        FraudRules rules = new FraudRules(10, 3, 2, 3, new BigDecimal("5"), 3, null, 40, 80,
                new FraudRules.Weights(w.velocity(), w.cardCountries(), w.ipCountries(), w.amount(), w.firstPurchase(), 0, 0,
                        w.blocklist()), RULES.blocklist());
        Decision d = FraudScoring.score(aPayment().amount("900").countries("FR", "NG", "GB").build(), history(1, 0, null), rules);
        assertThat(d.reasons()).isEmpty();
    }
}
