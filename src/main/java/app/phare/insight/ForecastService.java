package app.phare.insight;

import app.phare.insight.stats.ForecastChoice;
import app.phare.insight.stats.Forecaster;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts net revenue and orders for the next 90 days after each nightly run (the first 30 are the 30-day
 * forecast). The method is backtested on the last 8 weeks against a seasonal-naive baseline and used only if it is
 * the better of the two; both errors are stored beside the forecast.
 */
@ApplicationScoped
public class ForecastService {

    public static final int HORIZON = 90;
    static final List<Kpi> FORECAST = List.of(Kpi.NET_REVENUE, Kpi.ORDERS);

    /** A stored forecast. smape values are percentages (null when the history was too short to test). */
    public record Stored(Kpi kpi, LocalDate historyFrom, LocalDate historyTo, String method, boolean methodChosen,
                         int backtestDays, Double methodSmape, Double naiveSmape, String note, LocalDate start,
                         double[] mean, double[] lower, double[] upper, Instant computedAt) {

        /** Sum of the first days of the forecast: mean, lower, upper (the bounds summed are a wide, safe interval). */
        public double[] total(int days) {
            double[] t = new double[3];
            for (int i = 0; i < Math.min(days, mean.length); i++) {
                t[0] += mean[i];
                t[1] += lower[i];
                t[2] += upper[i];
            }
            return t;
        }

        public LocalDate day(int i) {
            return start.plusDays(i);
        }
    }

    @Inject
    KpiRepository kpis;

    @Inject
    AgroalDataSource dataSource;

    /** Computes and stores the forecasts from the whole sales history (in the caller's tenant scope). */
    public List<Stored> forecast(long tenantId, Long runId) {
        Optional<LocalDate[]> span = kpis.span(tenantId, Kpi.Family.SALES);
        if (span.isEmpty()) {
            return List.of();
        }
        LocalDate from = span.get()[0], to = span.get()[1];
        KpiData data = kpis.load(tenantId, Kpi.Family.SALES, from, to, false);
        List<Stored> out = new ArrayList<>();
        for (Kpi kpi : FORECAST) {
            ForecastChoice choice = Forecaster.forecast(from, data.total(kpi), HORIZON);
            Stored s = new Stored(kpi, from, to, choice.forecast().method(), choice.methodChosen(), choice.backtest().days(),
                    finite(choice.backtest().methodSmape()), finite(choice.backtest().naiveSmape()), choice.note(),
                    choice.forecast().start(), choice.forecast().mean(), choice.forecast().lower(), choice.forecast().upper(),
                    Instant.now());
            store(tenantId, s, runId);
            out.add(s);
        }
        return out;
    }

    /** The latest forecasts of the tenant (in the caller's tenant scope). */
    public List<Stored> current(long tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT kpi, history_from, history_to, method, method_chosen, backtest_days, method_smape, naive_smape,
                            note, start_day, mean, lower, upper, computed_at
                     FROM insight_forecast WHERE tenant_id = ? ORDER BY kpi""")) {
            ps.setLong(1, tenantId);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Kpi> kpi = Kpi.of(rs.getString(1));
                    if (kpi.isEmpty()) {
                        continue;
                    }
                    out.add(new Stored(kpi.get(), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getString(4),
                            rs.getBoolean(5), rs.getInt(6), (Double) rs.getObject(7), (Double) rs.getObject(8), rs.getString(9),
                            rs.getDate(10).toLocalDate(), doubles(rs.getArray(11)), doubles(rs.getArray(12)),
                            doubles(rs.getArray(13)), rs.getTimestamp(14).toInstant()));
                }
            }
            out.sort(java.util.Comparator.comparing(s -> FORECAST.indexOf(s.kpi())));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read forecasts: " + e.getMessage(), e);
        }
    }

    public Optional<Stored> current(long tenantId, Kpi kpi) {
        return current(tenantId).stream().filter(s -> s.kpi() == kpi).findFirst();
    }

    private void store(long tenantId, Stored s, Long runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO insight_forecast (tenant_id, kpi, history_from, history_to, method, method_chosen, backtest_days,
                         method_smape, naive_smape, note, start_day, mean, lower, upper, run_id, computed_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                     ON CONFLICT (tenant_id, kpi) DO UPDATE SET history_from = excluded.history_from,
                         history_to = excluded.history_to, method = excluded.method, method_chosen = excluded.method_chosen,
                         backtest_days = excluded.backtest_days, method_smape = excluded.method_smape,
                         naive_smape = excluded.naive_smape, note = excluded.note, start_day = excluded.start_day,
                         mean = excluded.mean, lower = excluded.lower, upper = excluded.upper, run_id = excluded.run_id,
                         computed_at = now()""")) {
            ps.setLong(1, tenantId);
            ps.setString(2, s.kpi().key);
            ps.setDate(3, Date.valueOf(s.historyFrom()));
            ps.setDate(4, Date.valueOf(s.historyTo()));
            ps.setString(5, s.method());
            ps.setBoolean(6, s.methodChosen());
            ps.setInt(7, s.backtestDays());
            ps.setObject(8, s.methodSmape());
            ps.setObject(9, s.naiveSmape());
            ps.setString(10, s.note());
            ps.setDate(11, Date.valueOf(s.start()));
            ps.setArray(12, c.createArrayOf("float8", boxed(s.mean())));
            ps.setArray(13, c.createArrayOf("float8", boxed(s.lower())));
            ps.setArray(14, c.createArrayOf("float8", boxed(s.upper())));
            ps.setObject(15, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the forecast: " + e.getMessage(), e);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double[] boxed(double[] v) {
        Double[] b = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i];
        }
        return b;
    }

    private static double[] doubles(Array a) throws SQLException {
        Object[] o = (Object[]) a.getArray();
        double[] d = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            d[i] = ((Number) o[i]).doubleValue();
        }
        return d;
    }
}
