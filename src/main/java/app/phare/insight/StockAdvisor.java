package app.phare.insight;

import app.phare.common.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Stock recommendations from the latest stock levels and the demand forecast. An item's demand is its units per day
 * over the 28 days up to its snapshot, scaled by how the orders forecast for the coming weeks compares with the last
 * 28 days. Reorder: what is on hand and on order does not last until a delivery ordered now would arrive plus the
 * days to cover; the quantity brings it to that cover. Overstock: units beyond 180 days of cover, and the capital
 * they tie up at unit cost.
 */
@ApplicationScoped
public class StockAdvisor {

    static final int OVERSTOCK_DAYS = 180;
    public static final Settings DEFAULTS = new Settings(14, 30);

    /** Days until a delivery ordered now arrives, and the days of demand a reorder should cover after it. */
    public record Settings(int leadTimeDays, int coverDays) {
    }

    /** An item to reorder now. urgent: it runs out before a delivery ordered now can arrive. */
    public record Reorder(String sku, String name, String category, LocalDate snapshotDate, long onHand, long onOrder,
                          BigDecimal dailyDemand, LocalDate runsOutOn, LocalDate deliveryBy, long quantity, boolean urgent,
                          String reason) {
    }

    /** An item with more than 180 days of cover; capital is null when its unit cost is unknown. */
    public record Overstock(String sku, String name, String category, long onHand, BigDecimal dailyDemand,
                            BigDecimal daysOfCover, long excessUnits, BigDecimal capital) {
    }

    /** The recommendations, with the settings and the demand factor behind them. */
    public record Advice(Settings settings, double demandFactor, String demandNote, List<Reorder> reorder,
                         List<Overstock> overstock, BigDecimal capitalTiedUp) {

        /** Items that run out before a delivery ordered now arrives. */
        public long urgentCount() {
            return reorder.stream().filter(Reorder::urgent).count();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ForecastService forecasts;

    @Inject
    KpiRepository kpis;

    /** In the caller's tenant scope. */
    public Advice advise(long tenantId) {
        Settings s = settings(tenantId);
        double[] factor = demandFactor(tenantId, s);
        String note = Double.isNaN(factor[1]) ? "No orders forecast yet: demand is each item's rate of the last 28 days."
                : String.format(java.util.Locale.ROOT, "Demand is each item's rate of the last 28 days × %.2f: the orders forecast"
                + " for the next %d days against the last 28 days.", factor[0], s.leadTimeDays() + s.coverDays());
        List<Reorder> reorder = new ArrayList<>();
        List<Overstock> overstock = new ArrayList<>();
        BigDecimal capital = BigDecimal.ZERO;
        for (Object[] r : levels(tenantId)) {
            String sku = (String) r[0], name = (String) r[1], category = (String) r[2];
            LocalDate snapshot = (LocalDate) r[3];
            long onHand = (long) r[4], onOrder = (long) r[5], reorderLevel = (long) r[6];
            double daily = (long) r[7] / 1000.0 / 28 * factor[0];
            BigDecimal dailyShown = BigDecimal.valueOf(daily).setScale(2, RoundingMode.HALF_UP);
            LocalDate delivery = snapshot.plusDays(s.leadTimeDays());
            double need = daily * (s.leadTimeDays() + s.coverDays());
            boolean belowLevel = reorderLevel > 0 && onHand + onOrder <= reorderLevel;
            if (daily > 0 && (onHand + onOrder < need || belowLevel)) {
                LocalDate runsOut = snapshot.plusDays((long) Math.floor(onHand / daily));
                boolean urgent = runsOut.isBefore(delivery);
                long quantity = Math.max(Math.max(1, (long) Math.ceil(need - onHand - onOrder)), reorderLevel + 1 - onHand - onOrder);
                String reason = urgent ? "runs out around " + runsOut + ", before a delivery ordered now (" + delivery + ")"
                        : onHand + onOrder < need ? "stock and open orders last until about "
                        + snapshot.plusDays((long) Math.floor((onHand + onOrder) / daily)) + ", less than lead time plus " + s.coverDays() + " days"
                        : "at or below its reorder level of " + reorderLevel;
                reorder.add(new Reorder(sku, name, category, snapshot, onHand, onOrder, dailyShown, runsOut, delivery, quantity, urgent, reason));
            }
            double cover = daily > 0 ? onHand / daily : Double.POSITIVE_INFINITY;
            if (onHand > 0 && cover > OVERSTOCK_DAYS) {
                long excess = (long) Math.floor(onHand - daily * OVERSTOCK_DAYS);
                BigDecimal cost = r[8] == null ? null : BigDecimal.valueOf((long) r[8]).movePointLeft(4)
                        .multiply(BigDecimal.valueOf(excess)).setScale(2, RoundingMode.HALF_UP);
                if (cost != null) {
                    capital = capital.add(cost);
                }
                overstock.add(new Overstock(sku, name, category, onHand, dailyShown,
                        daily > 0 ? BigDecimal.valueOf(cover).setScale(0, RoundingMode.HALF_UP) : null, excess, cost));
            }
        }
        reorder.sort(Comparator.comparing(Reorder::urgent).reversed().thenComparing(Reorder::runsOutOn));
        overstock.sort(Comparator.comparing((Overstock o) -> o.capital() == null ? BigDecimal.ZERO : o.capital()).reversed());
        return new Advice(s, factor[0], note, reorder, overstock, capital);
    }

    /** [factor, forecast mean per day] — the mean is NaN without a forecast (factor 1). */
    private double[] demandFactor(long tenantId, Settings s) {
        Optional<ForecastService.Stored> f = forecasts.current(tenantId, Kpi.ORDERS);
        if (f.isEmpty()) {
            return new double[]{1, Double.NaN};
        }
        int days = Math.min(f.get().mean().length, s.leadTimeDays() + s.coverDays());
        double ahead = f.get().total(days)[0] / days;
        KpiData past = kpis.load(tenantId, Kpi.Family.SALES, f.get().start().minusDays(28), f.get().start().minusDays(1), false);
        double before = java.util.Arrays.stream(past.total(Kpi.ORDERS)).sum() / 28;
        if (before <= 0) {
            return new double[]{1, ahead};
        }
        return new double[]{Math.max(0.25, Math.min(4, ahead / before)), ahead};
    }

    public Settings settings(long tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT lead_time_days, cover_days FROM stock_settings WHERE tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Settings(rs.getInt(1), rs.getInt(2)) : DEFAULTS;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the settings; either may be left out. */
    public Settings change(long tenantId, Integer leadTimeDays, Integer coverDays, String by) {
        Settings now = settings(tenantId);
        int lead = leadTimeDays == null ? now.leadTimeDays() : leadTimeDays;
        int cover = coverDays == null ? now.coverDays() : coverDays;
        if (lead < 0 || lead > 365) {
            throw ProblemException.badRequest("leadTimeDays", "the lead time is from 0 to 365 days, was " + lead);
        }
        if (cover < 1 || cover > 365) {
            throw ProblemException.badRequest("coverDays", "the days to cover are from 1 to 365, was " + cover);
        }
        app.phare.common.db.Jdbc.execute(dataSource, """
                INSERT INTO stock_settings (tenant_id, lead_time_days, cover_days, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET lead_time_days = excluded.lead_time_days, cover_days = excluded.cover_days,
                    updated_by = excluded.updated_by, updated_at = now()""", tenantId, lead, cover, by);
        return new Settings(lead, cover);
    }

    private List<Object[]> levels(long tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT s.sku, coalesce(s.name, p.name, p.description, s.sku), s.category, s.snapshot_date, s.on_hand,
                            s.on_order, s.reorder_level, s.units_28d_e3, p.unit_cost_e4
                     FROM stock_level s LEFT JOIN product p ON p.tenant_id = s.tenant_id AND p.sku = s.sku
                     WHERE s.tenant_id = ? ORDER BY s.sku""")) {
            ps.setLong(1, tenantId);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getObject(9) == null ? null : rs.getLong(9)});
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stock levels: " + e.getMessage(), e);
        }
    }
}
