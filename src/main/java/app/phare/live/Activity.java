package app.phare.live;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the recent-activity list; {@code version} orders it and lets a reconnecting browser resume. */
public record Activity(long version, String eventId, String type, Instant at, BigDecimal amount, String orderId,
                       String sessionId, String customerId, String country, long units) {

    static Activity of(long version, LiveEvent e) {
        return new Activity(version, e.eventId(), e.type(), e.occurredAt(), e.amount(), e.orderId(), e.sessionId(),
                e.customerId(), e.country(), e.units());
    }

    public String label() {
        return switch (type) {
            case LiveEvent.PURCHASE -> "Purchase";
            case LiveEvent.REFUND -> "Refund";
            case LiveEvent.CART_ADD -> "Added to cart";
            case LiveEvent.CART_REMOVE -> "Removed from cart";
            case LiveEvent.CHECKOUT_STARTED -> "Checkout started";
            default -> type;
        };
    }
}
