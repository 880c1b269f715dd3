package app.phare.stock;

import app.phare.tenant.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Stock figures from the stock levels: units on hand and on order, days of cover (on hand ÷ average daily units sold
 * over the 28 days up to the snapshot), items below their reorder level, and overstock (over 180 days of cover).
 */
@ApplicationScoped
public class StockMetrics {

    /** Days of cover beyond which an item is overstock. */
    static final int OVERSTOCK_DAYS = 180;

    /** One sku. */
    public record Item(String sku, String name, String category, LocalDate snapshotDate, long onHand, long onOrder,
                       long reorderLevel, BigDecimal averageDailyUnits, BigDecimal daysOfCover, String status) {
    }

    /** One category. */
    public record Category(String category, long skus, long onHand, long onOrder, long belowReorder, long overstock) {
    }

    /** The answer of GET /api/metrics/stock. */
    public record Report(List<Item> items, List<Category> categories) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantScope scope;

    @SuppressWarnings("unchecked")
    public Report report() {
        long tenant = scope.requireTenant();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT sku, name, category, snapshot_date, on_hand, on_order, reorder_level, units_28d_e3
                    FROM stock_level WHERE tenant_id = :tenant ORDER BY category, sku""").setParameter("tenant", tenant).getResultList();
            List<Item> items = rows.stream().map(StockMetrics::item).toList();
            java.util.Map<String, long[]> byCategory = new java.util.TreeMap<>();
            for (Item i : items) {
                long[] c = byCategory.computeIfAbsent(i.category(), k -> new long[5]);
                c[0]++;
                c[1] += i.onHand();
                c[2] += i.onOrder();
                c[3] += i.status().equals("below reorder level") ? 1 : 0;
                c[4] += i.status().equals("overstock") ? 1 : 0;
            }
            return new Report(items, byCategory.entrySet().stream()
                    .map(e -> new Category(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                    .toList());
        });
    }

    private static Item item(Object[] r) {
        long onHand = ((Number) r[4]).longValue();
        long reorder = ((Number) r[6]).longValue();
        BigDecimal daily = BigDecimal.valueOf(((Number) r[7]).longValue()).movePointLeft(3).divide(BigDecimal.valueOf(28), 3, RoundingMode.HALF_UP);
        BigDecimal cover = daily.signum() == 0 ? null : BigDecimal.valueOf(onHand).divide(daily, 1, RoundingMode.HALF_UP);
        String status = onHand <= reorder && reorder > 0 ? "below reorder level"
                : cover != null && cover.compareTo(BigDecimal.valueOf(OVERSTOCK_DAYS)) > 0 ? "overstock" : "ok";
        LocalDate date = r[3] instanceof LocalDate d ? d : ((java.sql.Date) r[3]).toLocalDate();
        return new Item((String) r[0], (String) r[1], (String) r[2], date, onHand, ((Number) r[5]).longValue(), reorder,
                daily, cover, status);
    }
}
