package app.phare.fraud;

import app.phare.common.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A payment to check, validated: every refusal is a 400 naming the field. Countries are ISO 3166 alpha-2 codes in
 * upper case, e-mails in lower case; the amount is positive with at most two decimals, in the tenant's currency.
 */
public record PaymentRequest(String paymentId, String orderId, String customerId, String email, BigDecimal amount,
                             String currency, String cardCountry, String ipCountry, String billingCountry,
                             Instant occurredAt) {

    private static final Set<String> FIELDS = Set.of("paymentId", "orderId", "customerId", "email", "amount", "currency",
            "cardCountry", "ipCountry", "billingCountry", "occurredAt");
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Whom velocity and the usual amount are counted for: the customer id, else the e-mail; null for neither. */
    public String customerKey() {
        return customerId != null ? customerId : email != null ? "email:" + email : null;
    }

    /** Reads and checks a body against the tenant's currency. */
    public static PaymentRequest parse(JsonNode body, String tenantCurrency, Instant now) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest(null, "send a JSON object, e.g. {\"paymentId\": \"p-1\", \"amount\": 49.90, "
                    + "\"currency\": \"" + tenantCurrency + "\", \"occurredAt\": \"2026-11-21T10:15:00Z\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ProblemException.badRequest(name, "unknown field '" + name + "'; the fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String email = text(body, "email", 254, false);
        if (email != null) {
            int at = email.indexOf('@');
            if (at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
                throw ProblemException.badRequest("email", "'" + email + "' is not an e-mail address");
            }
            email = email.toLowerCase(Locale.ROOT);
        }
        return new PaymentRequest(text(body, "paymentId", 200, true), text(body, "orderId", 200, false),
                text(body, "customerId", 200, false), email, amount(body), currency(body, tenantCurrency),
                country(body, "cardCountry"), country(body, "ipCountry"), country(body, "billingCountry"),
                occurredAt(body, now));
    }

    private static String text(JsonNode n, String field, int max, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ProblemException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw ProblemException.badRequest(field, field + " must be a string");
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            if (required) {
                throw ProblemException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (s.length() > max) {
            throw ProblemException.badRequest(field, field + " is longer than " + max + " characters");
        }
        return s;
    }

    private static BigDecimal amount(JsonNode n) {
        JsonNode v = n.get("amount");
        if (v == null || v.isNull()) {
            throw ProblemException.badRequest("amount", "amount is required");
        }
        String shown = v.asText().length() > 40 ? v.asText().substring(0, 40) + "…" : v.asText();
        BigDecimal b;
        try {
            b = v.isNumber() ? v.decimalValue() : v.isTextual() ? new BigDecimal(v.asText().strip()) : null;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("amount", "amount '" + shown + "' is not a number");
        }
        if (b == null) {
            throw ProblemException.badRequest("amount", "amount must be a number");
        }
        // messages show the amount as sent: the plain form of 1e-999999999 would be a billion characters long
        if (b.signum() <= 0) {
            throw ProblemException.badRequest("amount", "amount must be greater than 0, was " + shown);
        }
        if (b.compareTo(MAX_AMOUNT) > 0) {
            throw ProblemException.badRequest("amount", "amount " + shown + " is beyond 1,000,000,000");
        }
        if (b.stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("amount", "amount " + shown + " has more than 2 decimals");
        }
        return b.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String currency(JsonNode n, String tenantCurrency) {
        String c = text(n, "currency", 10, true);
        if (c.length() != 3 || !c.chars().allMatch(Character::isLetter)) {
            throw ProblemException.badRequest("currency", "currency '" + c + "' is not a 3-letter code such as " + tenantCurrency);
        }
        c = c.toUpperCase(Locale.ROOT);
        if (!c.equals(tenantCurrency)) {
            throw ProblemException.badRequest("currency", "currency " + c + " differs from the shop's currency "
                    + tenantCurrency + "; send amounts in " + tenantCurrency);
        }
        return c;
    }

    private static String country(JsonNode n, String field) {
        String c = text(n, field, 10, false);
        if (c == null) {
            return null;
        }
        String upper = c.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            throw ProblemException.badRequest(field, field + " '" + c + "' is not an ISO 3166 alpha-2 country code such as FR");
        }
        return upper;
    }

    private static Instant occurredAt(JsonNode n, Instant now) {
        String s = text(n, "occurredAt", 40, true);
        Instant at;
        try {
            at = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("occurredAt", "occurredAt '" + s + "' is not a date-time with offset, e.g. 2026-11-21T10:15:00Z");
        }
        if (at.isBefore(EARLIEST)) {
            throw ProblemException.badRequest("occurredAt", "occurredAt " + s + " is before 2000");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.badRequest("occurredAt", "occurredAt " + s + " is in the future");
        }
        return at;
    }
}
