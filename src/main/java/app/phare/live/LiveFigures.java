package app.phare.live;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A day's figures as the tiles show them. {@code source} says where they come from: {@code live} (events) until the
 * nightly run ingests the day from an orders source, then {@code batch}, with the drift found at that moment.
 * Revenue is net of refunds; conversion rate is the share of sessions with a purchase, in percent.
 */
public record LiveFigures(LocalDate day, String source, BigDecimal revenue, long orders, long units, long refunds,
                          BigDecimal refunded, long sessions, long carts, Double conversionRate,
                          Reconciliation.Day reconciliation) {

    public static final String LIVE = "live";
    public static final String BATCH = "batch";

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isBatch() {
        return BATCH.equals(source);
    }

    /** The conversion rate as a share (0.032 for 3.2 %), for display. */
    public Double conversionShare() {
        return conversionRate == null ? null : conversionRate / 100;
    }

    /** The same day once the nightly run has ingested it: revenue and orders from the batch, the rest stays live. */
    LiveFigures reconciled(Reconciliation.Day r) {
        return new LiveFigures(day, BATCH, r.batchRevenue(), r.batchOrders(), units, refunds, refunded, sessions, carts,
                conversionRate, r);
    }
}
