package app.phare.insight;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/** Reads the daily KPI series of a tenant from the pre-aggregated tables (in the caller's tenant scope). */
@ApplicationScoped
public class KpiRepository {

    /** Products beyond the best sellers of the window are not named in explanations. */
    static final int TOP_PRODUCTS = 60;

    @Inject
    AgroalDataSource dataSource;

    /** First and last day with data of a family of KPIs, if it has any. */
    public Optional<LocalDate[]> span(long tenantId, Kpi.Family family) {
        String sql = switch (family) {
            case SALES -> "SELECT min(day), max(day) FROM sales_day WHERE tenant_id = ? AND country = '*' AND channel = '*'";
            case ADS -> "SELECT min(day), max(day) FROM ad_campaign_day WHERE tenant_id = ?";
            case DEALS -> "SELECT min(closed_on), max(closed_on) FROM deal WHERE tenant_id = ? AND status = 'won'";
            case LIVE -> throw new IllegalArgumentException("live KPIs have no daily series");
        };
        return query(sql, rs -> rs.next() && rs.getDate(1) != null
                ? Optional.of(new LocalDate[]{rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()}) : Optional.empty(), tenantId);
    }

    /** The family's series from start to end; dimensions only when asked (they cost more to read). */
    public KpiData load(long tenantId, Kpi.Family family, LocalDate start, LocalDate end, boolean withDimensions) {
        KpiData data = new KpiData(start, end);
        switch (family) {
            case SALES -> sales(tenantId, data, start, end, withDimensions);
            case ADS -> ads(tenantId, data, start, end, withDimensions);
            case DEALS -> deals(tenantId, data, start, end, withDimensions);
            case LIVE -> throw new IllegalArgumentException("live KPIs have no daily series");
        }
        return data;
    }

    private void sales(long tenantId, KpiData data, LocalDate start, LocalDate end, boolean withDimensions) {
        double[] revenue = data.series(Kpi.NET_REVENUE), orders = data.series(Kpi.ORDERS);
        double[] returns = data.series(Kpi.RETURNS), aov = data.series(Kpi.AVERAGE_ORDER_VALUE);
        String rows = withDimensions ? "" : " AND country = '*' AND channel = '*'";
        query("SELECT day, country, channel, net_revenue_e7, returns_e7, orders FROM sales_day"
                + " WHERE tenant_id = ? AND day BETWEEN ? AND ?" + rows, rs -> {
            while (rs.next()) {
                int i = data.index(rs.getDate(1).toLocalDate());
                String country = rs.getString(2), channel = rs.getString(3);
                double r = rs.getLong(4) / 1e7, ret = Math.abs(rs.getLong(5)) / 1e7, o = rs.getLong(6);
                boolean allCountries = "*".equals(country), allChannels = "*".equals(channel);
                if (allCountries && allChannels) {
                    revenue[i] = r;
                    returns[i] = ret;
                    orders[i] = o;
                } else if (allChannels) {
                    add(data, i, "country", label(country), r, ret, o);
                } else if (allCountries) {
                    add(data, i, "channel", label(channel), r, ret, o);
                } else {
                    data.crossSeries(Kpi.NET_REVENUE, label(country), label(channel))[i] += r;
                    data.crossSeries(Kpi.RETURNS, label(country), label(channel))[i] += ret;
                    data.crossSeries(Kpi.ORDERS, label(country), label(channel))[i] += o;
                }
            }
            return null;
        }, tenantId, Date.valueOf(start), Date.valueOf(end));
        for (int i = 0; i < data.days; i++) {
            aov[i] = orders[i] == 0 ? 0 : revenue[i] / orders[i];
        }
        data.volumes.put(Kpi.NET_REVENUE, orders);
        data.volumes.put(Kpi.AVERAGE_ORDER_VALUE, orders);
        data.volumes.put(Kpi.RETURNS, orders);
        if (withDimensions) {
            products(tenantId, data, start, end);
            data.divideDimensions(Kpi.AVERAGE_ORDER_VALUE, orders);
        }
    }

    private static void add(KpiData data, int i, String dimension, String value, double revenue, double returns, double orders) {
        data.valueSeries(Kpi.NET_REVENUE, dimension, value)[i] += revenue;
        data.valueSeries(Kpi.RETURNS, dimension, value)[i] += returns;
        data.valueSeries(Kpi.ORDERS, dimension, value)[i] += orders;
        data.valueSeries(Kpi.AVERAGE_ORDER_VALUE, dimension, value)[i] += revenue;
    }

    private void products(long tenantId, KpiData data, LocalDate start, LocalDate end) {
        query("""
                WITH top AS (SELECT product FROM product_sales_day WHERE tenant_id = ? AND day BETWEEN ? AND ?
                             GROUP BY product ORDER BY sum(net_revenue_e7) DESC LIMIT ?)
                SELECT d.day, d.product, coalesce(p.name, p.description, d.product), d.net_revenue_e7, d.returns_e7, d.orders
                FROM product_sales_day d JOIN top USING (product)
                LEFT JOIN product p ON p.tenant_id = d.tenant_id AND p.sku = d.product
                WHERE d.tenant_id = ? AND d.day BETWEEN ? AND ?""", rs -> {
            while (rs.next()) {
                int i = data.index(rs.getDate(1).toLocalDate());
                String name = rs.getString(3).strip();
                String value = name.equals(rs.getString(2)) ? name : name + " (" + rs.getString(2) + ")";
                double r = rs.getLong(4) / 1e7;
                data.valueSeries(Kpi.NET_REVENUE, "product", value)[i] += r;
                data.valueSeries(Kpi.RETURNS, "product", value)[i] += Math.abs(rs.getLong(5)) / 1e7;
                data.valueSeries(Kpi.ORDERS, "product", value)[i] += rs.getLong(6);
            }
            return null;
        }, tenantId, Date.valueOf(end.minusDays(55).isBefore(start) ? start : end.minusDays(55)), Date.valueOf(end), TOP_PRODUCTS,
                tenantId, Date.valueOf(start), Date.valueOf(end));
    }

    private void ads(long tenantId, KpiData data, LocalDate start, LocalDate end, boolean withDimensions) {
        double[] spend = data.series(Kpi.AD_SPEND), clicks = data.series(Kpi.CLICKS), conv = data.series(Kpi.CONVERSIONS);
        double[] roas = data.series(Kpi.ROAS), value = new double[data.days];
        query("SELECT day, platform || ' · ' || campaign, spend_e2, clicks, conversions, conversion_value_e2 FROM ad_campaign_day"
                + " WHERE tenant_id = ? AND day BETWEEN ? AND ?", rs -> {
            while (rs.next()) {
                int i = data.index(rs.getDate(1).toLocalDate());
                double s = rs.getLong(3) / 100.0, c = rs.getLong(4), v = rs.getLong(6) / 100.0, k = rs.getLong(5);
                spend[i] += s;
                clicks[i] += c;
                conv[i] += k;
                value[i] += v;
                if (withDimensions) {
                    String campaign = rs.getString(2);
                    data.valueSeries(Kpi.AD_SPEND, "campaign", campaign)[i] += s;
                    data.valueSeries(Kpi.CLICKS, "campaign", campaign)[i] += c;
                    data.valueSeries(Kpi.CONVERSIONS, "campaign", campaign)[i] += k;
                    data.valueSeries(Kpi.ROAS, "campaign", campaign)[i] += v;
                }
            }
            return null;
        }, tenantId, Date.valueOf(start), Date.valueOf(end));
        for (int i = 0; i < data.days; i++) {
            roas[i] = spend[i] == 0 ? 0 : value[i] / spend[i];
        }
        data.volumes.put(Kpi.AD_SPEND, clicks);
        data.volumes.put(Kpi.CONVERSIONS, clicks);
        data.volumes.put(Kpi.ROAS, clicks);
        if (withDimensions) {
            data.divideDimensions(Kpi.ROAS, spend);
        }
    }

    private void deals(long tenantId, KpiData data, LocalDate start, LocalDate end, boolean withDimensions) {
        double[] won = data.series(Kpi.WON_DEAL_VALUE), count = new double[data.days];
        query("SELECT closed_on, owner, product, value_e2 FROM deal WHERE tenant_id = ? AND status = 'won'"
                + " AND closed_on BETWEEN ? AND ?", rs -> {
            while (rs.next()) {
                int i = data.index(rs.getDate(1).toLocalDate());
                double v = rs.getLong(4) / 100.0;
                won[i] += v;
                count[i]++;
                if (withDimensions) {
                    data.valueSeries(Kpi.WON_DEAL_VALUE, "owner", label(rs.getString(2)))[i] += v;
                    data.valueSeries(Kpi.WON_DEAL_VALUE, "product", label(rs.getString(3)))[i] += v;
                }
            }
            return null;
        }, tenantId, Date.valueOf(start), Date.valueOf(end));
        data.volumes.put(Kpi.WON_DEAL_VALUE, count);
    }

    private static String label(String key) {
        return key == null || key.isEmpty() ? "(not given)" : key;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Reader<T> reader, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the KPIs: " + e.getMessage(), e);
        }
    }
}
