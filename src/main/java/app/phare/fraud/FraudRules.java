package app.phare.fraud;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A tenant's fraud rules, stored as JSON in {@code live_settings.fraud_rules} (absent: {@link #DEFAULTS}). Each rule
 * that fires adds its weight in points to the score (capped at 100); {@code reviewAt} and {@code blockAt} turn the
 * score into a decision. Velocity counts the payments checked for the same customer in the last
 * {@code windowMinutes}; each payment over the limit adds the velocity weight again.
 */
public record FraudRules(int windowMinutes, int maxPaymentsPerCustomer, int maxCardCountriesPerCustomer,
                         int maxIpCountriesPerCustomer, BigDecimal amountFactor, int minHistory,
                         BigDecimal firstPurchaseLimit, int reviewAt, int blockAt, Weights weights, Blocklist blocklist) {

    /** Points each rule adds when it fires, 0 to 100 (0 turns the rule off). */
    public record Weights(int velocity, int cardCountries, int ipCountries, int amount, int firstPurchase,
                          int cardIpMismatch, int billingMismatch, int blocklist) {
    }

    /**
     * Payments that are refused outright: e-mails (any case), customer ids, countries (card, IP or billing country).
     * Kept sorted and normalised (e-mails in lower case, countries in upper case) so lookups are quick.
     */
    public record Blocklist(Set<String> emails, Set<String> customerIds, Set<String> countries) {

        public Blocklist {
            emails = normalised(emails, s -> s.toLowerCase(Locale.ROOT));
            customerIds = normalised(customerIds, s -> s);
            countries = normalised(countries, s -> s.toUpperCase(Locale.ROOT));
        }

        private static Set<String> normalised(Set<String> values, UnaryOperator<String> how) {
            TreeSet<String> out = new TreeSet<>();
            if (values != null) {
                values.stream().filter(Objects::nonNull).map(String::strip).map(how).forEach(out::add);
            }
            return Collections.unmodifiableSortedSet(out);
        }
    }

    public static final FraudRules DEFAULTS = new FraudRules(10, 3, 2, 3, new BigDecimal("5"), 3,
            new BigDecimal("500.00"), 40, 80, new Weights(40, 30, 20, 40, 30, 25, 15, 100),
            new Blocklist(Set.of(), Set.of(), Set.of()));

    /** The decision a score leads to. */
    public String decide(int score) {
        return score >= blockAt ? PaymentCheck.BLOCK : score >= reviewAt ? PaymentCheck.REVIEW : PaymentCheck.ALLOW;
    }

    public long windowMillis() {
        return windowMinutes * 60_000L;
    }
}
