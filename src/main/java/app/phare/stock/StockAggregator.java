package app.phare.stock;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The tenant's stock level per sku: the latest snapshot (summed over sources on that date), the product's name and
 * category, and the units sold over the 28 days up to the snapshot (from the sales aggregates), from which the pages
 * derive days of cover. Rebuilt whole: a shop has thousands of skus, not millions.
 */
@ApplicationScoped
public class StockAggregator {

    public long rebuild(Connection c, long tenantId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM stock_level WHERE tenant_id = ?")) {
            delete.setLong(1, tenantId);
            delete.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH resolved AS (
                    SELECT s.tenant_id, coalesce(a.sku, s.sku) AS sku, s.snapshot_date, s.on_hand, s.on_order, s.reorder_level
                    FROM stock_snapshot s LEFT JOIN product_alias a ON a.tenant_id = s.tenant_id AND a.alias = s.sku
                    WHERE s.tenant_id = ?),
                latest AS (
                    SELECT tenant_id, sku, max(snapshot_date) AS snapshot_date FROM resolved GROUP BY tenant_id, sku),
                level AS (
                    SELECT r.tenant_id, r.sku, r.snapshot_date, sum(r.on_hand) AS on_hand, sum(r.on_order) AS on_order,
                           max(r.reorder_level) AS reorder_level
                    FROM resolved r JOIN latest l USING (tenant_id, sku, snapshot_date)
                    GROUP BY r.tenant_id, r.sku, r.snapshot_date)
                INSERT INTO stock_level (tenant_id, sku, snapshot_date, name, category, on_hand, on_order, reorder_level, units_28d_e3)
                SELECT l.tenant_id, l.sku, l.snapshot_date, coalesce(p.name, p.description), coalesce(p.category, ''),
                       l.on_hand, l.on_order, l.reorder_level,
                       coalesce((SELECT sum(ps.units_e3) FROM product_sales_day ps
                                 WHERE ps.tenant_id = l.tenant_id AND ps.product = l.sku
                                   AND ps.day > l.snapshot_date - 28 AND ps.day <= l.snapshot_date), 0)
                FROM level l LEFT JOIN product p ON p.tenant_id = l.tenant_id AND p.sku = l.sku""")) {
            ps.setLong(1, tenantId);
            return ps.executeUpdate();
        }
    }
}
