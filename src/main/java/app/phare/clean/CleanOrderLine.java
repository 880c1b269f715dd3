package app.phare.clean;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order line that passed the cleaning rules. hashHigh/hashLow identify it by all its mapped fields after
 * cleaning: two lines with the same hash in one source are the same line.
 */
public record CleanOrderLine(String orderId, Instant orderedAt, LocalDate day, String sku, String description,
                             BigDecimal quantity, BigDecimal unitPrice, String customerId, String country,
                             String channel, long hashHigh, long hashLow) {

    public boolean isReturn() {
        return quantity.signum() < 0;
    }
}
