package app.phare.fraud;

import app.phare.common.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads fraud rules from JSON: a change is laid over the current rules (a field left out keeps its value, a list
 * given replaces the list), then every value is checked; a refusal is a 400 naming the field, e.g.
 * {@code weights.velocity}.
 */
final class FraudRulesReader {

    static final int MAX_BLOCKLIST = 10_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private FraudRulesReader() {
    }

    /** The current rules with the change applied, checked. */
    static FraudRules apply(ObjectMapper json, FraudRules current, JsonNode change) {
        if (change == null || !change.isObject()) {
            throw ProblemException.badRequest(null, "send a JSON object with the rules to change, e.g. {\"windowMinutes\": 15, "
                    + "\"weights\": {\"velocity\": 50}, \"blocklist\": {\"emails\": [\"fraud@example.com\"]}}");
        }
        ObjectNode merged = json.valueToTree(current);
        merge(merged, (ObjectNode) change, "");
        return read(merged);
    }

    private static void merge(ObjectNode target, ObjectNode change, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String field = prefix + f.getKey();
            JsonNode existing = target.get(f.getKey());
            if (existing == null) {
                throw ProblemException.badRequest(field, "unknown rule '" + field + "'");
            }
            if (existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) f.getValue(), field + ".");
            } else if (existing.isObject()) {
                throw ProblemException.badRequest(field, field + " must be an object");
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    static FraudRules read(JsonNode n) {
        int reviewAt = whole(n, "reviewAt", "", 1, 100);
        int blockAt = whole(n, "blockAt", "", 1, 100);
        if (blockAt < reviewAt) {
            throw ProblemException.badRequest("blockAt", "blockAt (" + blockAt + ") must not be below reviewAt (" + reviewAt + ")");
        }
        JsonNode w = object(n, "weights");
        JsonNode b = object(n, "blocklist");
        return new FraudRules(whole(n, "windowMinutes", "", 1, 1440),
                whole(n, "maxPaymentsPerCustomer", "", 1, FraudMemory.PAYMENTS_KEPT - 1),
                whole(n, "maxCardCountriesPerCustomer", "", 1, 50),
                whole(n, "maxIpCountriesPerCustomer", "", 1, 50),
                amountFactor(n), whole(n, "minHistory", "", 1, FraudMemory.PURCHASES_KEPT),
                firstPurchaseLimit(n), reviewAt, blockAt,
                new FraudRules.Weights(weight(w, "velocity"), weight(w, "cardCountries"), weight(w, "ipCountries"),
                        weight(w, "amount"), weight(w, "firstPurchase"), weight(w, "cardIpMismatch"),
                        weight(w, "billingMismatch"), weight(w, "blocklist")),
                new FraudRules.Blocklist(emails(b), customerIds(b), countries(b)));
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw ProblemException.badRequest(field, field + " must be an object");
        }
        return v;
    }

    private static int whole(JsonNode n, String field, String prefix, int min, int max) {
        JsonNode v = n.get(field);
        String name = prefix + field;
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw ProblemException.badRequest(name, name + " must be a whole number from " + min + " to " + max
                    + (v == null ? "" : ", was " + shown(v)));
        }
        return v.asInt();
    }

    private static int weight(JsonNode w, String field) {
        return whole(w, field, "weights.", 0, 100);
    }

    private static BigDecimal amountFactor(JsonNode n) {
        JsonNode v = n.get("amountFactor");
        BigDecimal f = decimal(v);
        if (f == null || f.compareTo(BigDecimal.ONE) <= 0 || f.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw ProblemException.badRequest("amountFactor", "amountFactor must be a number above 1 and up to 1000 "
                    + "(how many times the customer's usual amount is too much), was " + shown(v));
        }
        return f.stripTrailingZeros();
    }

    /** null turns the first-purchase rule off. */
    private static BigDecimal firstPurchaseLimit(JsonNode n) {
        JsonNode v = n.get("firstPurchaseLimit");
        if (v == null || v.isNull()) {
            return null;
        }
        BigDecimal limit = decimal(v);
        if (limit == null || limit.signum() <= 0 || limit.compareTo(MAX_AMOUNT) > 0 || limit.stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("firstPurchaseLimit", "firstPurchaseLimit must be an amount above 0 with at most "
                    + "2 decimals, or null to turn the rule off, was " + shown(v));
        }
        return limit.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static String shown(JsonNode v) {
        String s = String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** A JSON number as a decimal; null when it is not one or not finite (1e400 reads as infinity). */
    private static BigDecimal decimal(JsonNode v) {
        if (v == null || !v.isNumber() || ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue()))) {
            return null;
        }
        return v.decimalValue();
    }

    private static Set<String> emails(JsonNode b) {
        Set<String> out = strings(b, "emails");
        for (String e : out) {
            int at = e.indexOf('@');
            if (at < 1 || at == e.length() - 1 || e.length() > 254 || e.chars().anyMatch(Character::isWhitespace)) {
                throw ProblemException.badRequest("blocklist.emails", "'" + e + "' is not an e-mail address");
            }
        }
        return out;
    }

    private static Set<String> customerIds(JsonNode b) {
        Set<String> out = strings(b, "customerIds");
        for (String c : out) {
            if (c.length() > 200) {
                throw ProblemException.badRequest("blocklist.customerIds", "customer id '" + c.substring(0, 20) + "…' is longer than 200 characters");
            }
        }
        return out;
    }

    private static Set<String> countries(JsonNode b) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : strings(b, "countries")) {
            String upper = c.toUpperCase(Locale.ROOT);
            if (!PaymentRequest.COUNTRIES.contains(upper)) {
                throw ProblemException.badRequest("blocklist.countries", "'" + c + "' is not an ISO 3166 alpha-2 country code such as NG");
            }
            out.add(upper);
        }
        return out;
    }

    private static Set<String> strings(JsonNode b, String field) {
        String name = "blocklist." + field;
        JsonNode v = b.get(field);
        if (v == null || !v.isArray()) {
            throw ProblemException.badRequest(name, name + " must be an array of strings");
        }
        if (v.size() > MAX_BLOCKLIST) {
            throw ProblemException.badRequest(name, name + " has " + v.size() + " entries; at most " + MAX_BLOCKLIST);
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw ProblemException.badRequest(name, name + " must hold non-empty strings, found " + shown(e));
            }
            out.add(e.asText().strip());
        }
        return out;
    }
}
