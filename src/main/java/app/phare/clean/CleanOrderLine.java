package app.phare.clean;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order line that passed the cleaning rules. Quantity has 3 decimals (quantityE3 = quantity x 1000), unit price
 * 4 (priceE4 = price x 10000). hashHigh/hashLow identify the line by all its mapped fields after cleaning: two lines
 * with the same hash in one source are the same line.
 */
public record CleanOrderLine(String orderId, Instant orderedAt, LocalDate day, String sku, String description,
                             long quantityE3, long priceE4, String customerId, String country,
                             String channel, long hashHigh, long hashLow) {

    public boolean isReturn() {
        return quantityE3 < 0;
    }

    public BigDecimal quantity() {
        return BigDecimal.valueOf(quantityE3, 3);
    }

    public BigDecimal unitPrice() {
        return BigDecimal.valueOf(priceE4, 4);
    }
}
