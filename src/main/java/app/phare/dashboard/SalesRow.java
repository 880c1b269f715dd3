package app.phare.dashboard;

import java.math.BigDecimal;

/** One period (and key, for a breakdown) of sales measures. Money has two decimals. */
public record SalesRow(String period, String key, BigDecimal netRevenue, BigDecimal returns, long orders,
                       long customers, BigDecimal units) {
}
