package app.phare.fraud;

import app.phare.fraud.Decision.Reason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * The rule maths of the payment check, without any state: a payment, what memory holds of its customer and the
 * tenant's rules give a score, a decision and the reasons in plain words. Every fired rule adds its weight; the
 * velocity rule adds it once per payment over the limit; the score is capped at 100.
 */
public final class FraudScoring {

    private FraudScoring() {
    }

    public static Decision score(PaymentRequest p, FraudMemory.History h, FraudRules rules) {
        FraudRules.Weights w = rules.weights();
        List<Reason> reasons = new ArrayList<>(4);
        blocklist(p, rules.blocklist(), w.blocklist(), reasons);
        String window = rules.windowMinutes() == 1 ? "1 minute" : rules.windowMinutes() + " minutes";
        if (h.payments() > rules.maxPaymentsPerCustomer()) {
            add(reasons, "velocity", w.velocity() * (h.payments() - rules.maxPaymentsPerCustomer()),
                    h.payments() + " payments by this customer in " + window + " (limit " + rules.maxPaymentsPerCustomer() + ")");
        }
        countries(reasons, "cardCountries", w.cardCountries(), "card", h.cardCountries(), rules.maxCardCountriesPerCustomer(), window);
        countries(reasons, "ipCountries", w.ipCountries(), "IP", h.ipCountries(), rules.maxIpCountriesPerCustomer(), window);
        amount(p, h, rules, reasons);
        if (p.cardCountry() != null && p.ipCountry() != null && !p.cardCountry().equals(p.ipCountry())) {
            add(reasons, "cardIpMismatch", w.cardIpMismatch(),
                    "card country " + p.cardCountry() + " differs from IP country " + p.ipCountry());
        }
        if (p.billingCountry() != null && p.cardCountry() != null && !p.billingCountry().equals(p.cardCountry())) {
            add(reasons, "billingMismatch", w.billingMismatch(),
                    "billing country " + p.billingCountry() + " differs from card country " + p.cardCountry());
        }
        int score = Math.min(100, reasons.stream().mapToInt(Reason::points).sum());
        return new Decision(p.paymentId(), rules.decide(score), score, List.copyOf(reasons));
    }

    private static void blocklist(PaymentRequest p, FraudRules.Blocklist b, int weight, List<Reason> reasons) {
        if (p.email() != null && b.emails().contains(p.email())) {
            add(reasons, "blocklist", weight, "email is on the blocklist");
        }
        if (p.customerId() != null && b.customerIds().contains(p.customerId())) {
            add(reasons, "blocklist", weight, "customer " + p.customerId() + " is on the blocklist");
        }
        if (p.cardCountry() != null && b.countries().contains(p.cardCountry())) {
            add(reasons, "blocklist", weight, "card country " + p.cardCountry() + " is on the blocklist");
        }
        if (p.ipCountry() != null && b.countries().contains(p.ipCountry())) {
            add(reasons, "blocklist", weight, "IP country " + p.ipCountry() + " is on the blocklist");
        }
        if (p.billingCountry() != null && b.countries().contains(p.billingCountry())) {
            add(reasons, "blocklist", weight, "billing country " + p.billingCountry() + " is on the blocklist");
        }
    }

    private static void countries(List<Reason> reasons, String rule, int weight, String what, SortedSet<String> seen,
                                  int max, String window) {
        if (seen.size() > max) {
            add(reasons, rule, weight, seen.size() + " " + what + " countries for this customer in " + window + ": "
                    + String.join(", ", seen) + " (limit " + max + ")");
        }
    }

    private static void amount(PaymentRequest p, FraudMemory.History h, FraudRules rules, List<Reason> reasons) {
        if (h.purchases() >= rules.minHistory()) {
            BigDecimal limit = h.usual().multiply(rules.amountFactor());
            if (p.amount().compareTo(limit) > 0) {
                BigDecimal times = p.amount().divide(h.usual(), 1, RoundingMode.HALF_UP);
                add(reasons, "amount", rules.weights().amount(), "amount " + money(p.amount()) + " is " + times.toPlainString()
                        + "× this customer's usual " + money(h.usual()) + " (limit " + rules.amountFactor().stripTrailingZeros().toPlainString() + "×)");
            }
        } else if (rules.firstPurchaseLimit() != null && p.amount().compareTo(rules.firstPurchaseLimit()) > 0) {
            String history = h.purchases() == 0 ? "no earlier purchase"
                    : "only " + h.purchases() + " earlier purchase" + (h.purchases() == 1 ? "" : "s");
            add(reasons, "firstPurchase", rules.weights().firstPurchase(), "amount " + money(p.amount()) + " with " + history
                    + " is above the first-purchase limit " + money(rules.firstPurchaseLimit()));
        }
    }

    private static void add(List<Reason> reasons, String rule, int points, String text) {
        if (points > 0) {
            reasons.add(new Reason(rule, points, text));
        }
    }

    /** 1250 → "1,250.00": reasons are read by people in any locale, so one neutral form. */
    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
