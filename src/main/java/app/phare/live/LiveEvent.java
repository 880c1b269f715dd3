package app.phare.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One validated event of a tenant's shop. {@code day} is the event's date in the tenant's timezone; {@code amount}
 * is the order or refund value (from the items when the client sent none).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record LiveEvent(String eventId, String type, Instant occurredAt, LocalDate day, String sessionId,
                        String customerId, String orderId, BigDecimal amount, String country, String channel,
                        List<Item> items) {

    public static final String PAGE_VIEW = "page_view";
    public static final String PRODUCT_VIEW = "product_view";
    public static final String CART_ADD = "cart_add";
    public static final String CART_REMOVE = "cart_remove";
    public static final String CHECKOUT_STARTED = "checkout_started";
    public static final String PURCHASE = "purchase";
    public static final String REFUND = "refund";

    public static final List<String> TYPES = List.of(PAGE_VIEW, PRODUCT_VIEW, CART_ADD, CART_REMOVE, CHECKOUT_STARTED,
            PURCHASE, REFUND);

    /** A line of a cart, purchase or refund. */
    public record Item(String sku, long quantity, BigDecimal unitPrice) {
    }

    public long units() {
        return items == null ? 0 : items.stream().mapToLong(Item::quantity).sum();
    }
}
