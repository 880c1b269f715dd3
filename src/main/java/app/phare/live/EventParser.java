package app.phare.live;

import app.phare.common.NulText;
import app.phare.common.ProblemException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a JSON array of events into valid events and per-event rejections: one bad event never sinks the batch.
 * Money and dates are checked the way the nightly cleaning checks them: amounts within ±1,000,000,000 with at most
 * two decimals, times with an offset, not before 2000 and not more than five minutes ahead of the server.
 */
final class EventParser {

    static final int MAX_BATCH = 1000;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final Set<String> FIELDS = Set.of("eventId", "type", "occurredAt", "sessionId", "customerId", "orderId",
            "amount", "currency", "country", "channel", "items");

    /** An event refused, with its position in the batch; reason and error say the same (error is the older name). */
    record Rejected(int index, String eventId, String error) {

        @JsonProperty
        public String reason() {
            return error;
        }
    }

    record Parsed(List<LiveEvent> events, List<Rejected> rejected, int duplicatesInBatch) {
    }

    private EventParser() {
    }

    static Parsed parse(JsonNode body, ZoneId zone, String currency, Instant now) {
        if (body == null || !body.isArray()) {
            throw ProblemException.badRequest(null, "send a JSON array of events, e.g. [{\"eventId\": \"e1\", \"type\": \"page_view\", "
                    + "\"occurredAt\": \"2026-11-21T10:15:00Z\"}]");
        }
        if (body.size() > MAX_BATCH) {
            throw new ProblemException(413, "Batch too large", "at most " + MAX_BATCH + " events per request, got "
                    + body.size() + "; split the batch", null);
        }
        List<LiveEvent> events = new ArrayList<>(body.size());
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < body.size(); i++) {
            JsonNode n = body.get(i);
            String id = n != null && n.path("eventId").isTextual() ? n.path("eventId").asText() : null;
            try {
                LiveEvent e = event(n, zone, currency, now);
                if (seen.add(e.eventId())) {
                    events.add(e);
                } else {
                    duplicates++;
                }
            } catch (Invalid x) {
                rejected.add(new Rejected(i, id, x.getMessage()));
            }
        }
        return new Parsed(events, rejected, duplicates);
    }

    private static LiveEvent event(JsonNode n, ZoneId zone, String currency, Instant now) {
        if (n == null || !n.isObject()) {
            throw new Invalid("an event is a JSON object");
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Invalid("unknown field '" + name + "'");
            }
        }
        String eventId = text(n, "eventId", 200, true);
        String type = text(n, "type", 40, true);
        if (!LiveEvent.TYPES.contains(type)) {
            throw new Invalid("type '" + type + "' is not one of " + String.join(", ", LiveEvent.TYPES));
        }
        Instant at = instant(n, now);
        String session = text(n, "sessionId", 200, false);
        String customer = text(n, "customerId", 200, false);
        String order = text(n, "orderId", 200, false);
        String country = text(n, "country", 60, false);
        String channel = text(n, "channel", 60, false);
        String cur = text(n, "currency", 3, false);
        if (cur != null && !cur.equalsIgnoreCase(currency)) {
            throw new Invalid("currency " + cur + " differs from the tenant's currency " + currency + "; send amounts in " + currency);
        }
        List<LiveEvent.Item> items = items(n.get("items"));
        BigDecimal amount = n.hasNonNull("amount") ? money(n.get("amount"), "amount") : null;
        boolean money = type.equals(LiveEvent.PURCHASE) || type.equals(LiveEvent.REFUND);
        if (amount == null && money && items != null) {
            amount = items.stream().map(it -> it.unitPrice().multiply(BigDecimal.valueOf(it.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (money && amount == null) {
            throw new Invalid(type + " needs an amount or items with unitPrice");
        }
        if (money && amount.signum() < 0) {
            throw new Invalid("amount must not be negative (a refund is its own type)");
        }
        if (type.equals(LiveEvent.PURCHASE) && order == null) {
            throw new Invalid("purchase needs an orderId");
        }
        if ((type.equals(LiveEvent.CART_ADD) || type.equals(LiveEvent.CART_REMOVE)) && (session == null || items == null || items.isEmpty())) {
            throw new Invalid(type + " needs a sessionId and at least one item");
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        return new LiveEvent(eventId, type, at, day, session, customer, order, amount, country, channel, items);
    }

    private static String text(JsonNode n, String field, int max, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(field + " is required");
            }
            return null;
        }
        if (!v.isTextual() && !(v.isIntegralNumber() && !field.equals("type"))) {
            throw new Invalid(field + " must be a string");
        }
        String s = v.asText().strip();
        if (NulText.in(s)) {
            throw new Invalid(field + " " + NulText.REASON);
        }
        if (s.isEmpty()) {
            if (required) {
                throw new Invalid(field + " is required");
            }
            return null;
        }
        if (s.length() > max) {
            throw new Invalid(field + " is longer than " + max + " characters");
        }
        return s;
    }

    private static Instant instant(JsonNode n, Instant now) {
        String s = text(n, "occurredAt", 40, true);
        Instant at;
        try {
            at = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("occurredAt '" + s + "' is not a date-time with offset, e.g. 2026-11-21T10:15:00Z");
        }
        if (at.isBefore(EARLIEST)) {
            throw new Invalid("occurredAt " + s + " is before 2000");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new Invalid("occurredAt " + s + " is in the future");
        }
        return at;
    }

    private static BigDecimal money(JsonNode v, String field) {
        BigDecimal b;
        if (v.isNumber()) {
            b = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                b = new BigDecimal(v.asText().strip());
            } catch (NumberFormatException e) {
                throw new Invalid(field + " '" + v.asText() + "' is not a number");
            }
        } else {
            throw new Invalid(field + " must be a number");
        }
        if (b.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new Invalid(field + " " + b.toPlainString() + " is beyond 1,000,000,000");
        }
        if (b.stripTrailingZeros().scale() > 2) {
            throw new Invalid(field + " " + b.toPlainString() + " has more than 2 decimals");
        }
        return b.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static List<LiveEvent.Item> items(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new Invalid("items must be an array of {sku, quantity, unitPrice}");
        }
        if (v.size() > 500) {
            throw new Invalid("at most 500 items per event");
        }
        List<LiveEvent.Item> items = new ArrayList<>(v.size());
        for (JsonNode it : v) {
            if (!it.isObject()) {
                throw new Invalid("an item is an object {sku, quantity, unitPrice}");
            }
            String sku = text(it, "sku", 200, true);
            JsonNode q = it.get("quantity");
            if (q == null || !q.canConvertToLong() || !q.isIntegralNumber() || q.asLong() < 1 || q.asLong() > 1_000_000) {
                throw new Invalid("item " + sku + ": quantity must be a whole number from 1 to 1,000,000");
            }
            JsonNode p = it.get("unitPrice");
            if (p == null || p.isNull()) {
                throw new Invalid("item " + sku + ": unitPrice is required");
            }
            BigDecimal price = money(p, "item " + sku + " unitPrice");
            if (price.signum() < 0) {
                throw new Invalid("item " + sku + ": unitPrice must not be negative");
            }
            items.add(new LiveEvent.Item(sku, q.asLong(), price));
        }
        return List.copyOf(items);
    }

    /** Why one event was refused. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
