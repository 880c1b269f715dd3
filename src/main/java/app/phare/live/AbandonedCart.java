package app.phare.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A cart left without purchase past the tenant's window; {@code recoveredAt} is set when the session buys after all. */
public record AbandonedCart(String sessionId, String customerId, BigDecimal value, List<LiveEvent.Item> items,
                            Instant lastCartAt, Instant abandonedAt, Instant recoveredAt, String recoveredOrderId) {

    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean recovered() {
        return recoveredAt != null;
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public long units() {
        return items.stream().mapToLong(LiveEvent.Item::quantity).sum();
    }
}
