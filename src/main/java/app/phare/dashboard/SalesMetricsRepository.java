package app.phare.dashboard;

import app.phare.common.db.SqlValues;
import app.phare.aggregate.SalesAggregator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Reads the pre-aggregated sales tables (never the order lines), under the tenant's row-level security. */
@ApplicationScoped
public class SalesMetricsRepository {

    @Inject
    EntityManager em;

    /** The answer of the sales API in one statement: the rows, the tenant's currency and the end of the last good run. */
    @SuppressWarnings("unchecked")
    public SalesReport report(long tenantId, SalesQuery q) {
        String rows = rowsSql(q);
        String sql = "WITH t AS (SELECT currency, (SELECT max(finished_at) FROM pipeline_run WHERE tenant_id = :tenant"
                + " AND status = 'succeeded' AND NOT dry_run AND from_day IS NULL) AS as_of FROM tenant WHERE id = :tenant)"
                + " SELECT t.currency, t.as_of, r.* FROM t LEFT JOIN (" + rows + ") r ON true ORDER BY 3, 5 DESC, 4";
        List<Object[]> result = bind(em.createNativeQuery(sql), sql, tenantId, q).getResultList();
        if (result.isEmpty()) {
            throw new IllegalStateException("tenant " + tenantId + " is not visible");
        }
        Object[] first = result.get(0);
        java.time.Instant asOf = first[1] instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) first[1];
        List<SalesRow> salesRows = result.stream().filter(r -> r[2] != null).map(r -> new SalesRow((String) r[2], (String) r[3],
                money(r[4]), money(r[5]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), units(r[8]))).toList();
        return new SalesReport(q.from(), q.to(), q.grain().name(), ((String) first[0]).trim(), asOf, salesRows);
    }

    @SuppressWarnings("unchecked")
    public List<SalesRow> rows(long tenantId, SalesQuery q) {
        String sql = rowsSql(q) + " ORDER BY 1, 3 DESC, 2";
        List<Object[]> result = bind(em.createNativeQuery(sql), sql, tenantId, q).getResultList();
        return result.stream().map(r -> new SalesRow((String) r[0], (String) r[1], money(r[2]), money(r[3]),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), units(r[6]))).toList();
    }

    private static String rowsSql(SalesQuery q) {
        boolean month = q.grain() == SalesQuery.Grain.month;
        String period = month ? "month" : "day";
        String format = month ? "'YYYY-MM'" : "'YYYY-MM-DD'";
        if (q.by() == SalesQuery.Dimension.product) {
            return "SELECT to_char(" + period + ", " + format + ") AS period, product AS key, net_revenue_e7, returns_e7, orders,"
                    + " customers, units_e3 FROM product_sales_" + period + " WHERE tenant_id = :tenant AND " + period
                    + " BETWEEN :from AND :to";
        }
        String key = q.by() == null ? "NULL::text" : q.by().name();
        String countryCondition = q.country() != null ? "country = :country"
                : (q.by() == SalesQuery.Dimension.country ? "country <> :all" : "country = :all");
        String channelCondition = q.channel() != null ? "channel = :channel"
                : (q.by() == SalesQuery.Dimension.channel ? "channel <> :all" : "channel = :all");
        return "SELECT to_char(" + period + ", " + format + ") AS period, " + key + " AS key, net_revenue_e7, returns_e7, orders,"
                + " customers, units_e3 FROM sales_" + period + " WHERE tenant_id = :tenant AND " + countryCondition + " AND "
                + channelCondition + " AND " + period + " BETWEEN :from AND :to";
    }

    private static Query bind(Query query, String sql, long tenantId, SalesQuery q) {
        boolean month = q.grain() == SalesQuery.Grain.month;
        query.setParameter("tenant", tenantId)
                .setParameter("from", Date.valueOf(month ? q.from().withDayOfMonth(1) : q.from()))
                .setParameter("to", Date.valueOf(q.to()));
        for (String name : new String[]{"all", "country", "channel"}) {
            if (sql.contains(":" + name)) {
                query.setParameter(name, switch (name) {
                    case "all" -> SalesAggregator.ALL;
                    case "country" -> q.country();
                    default -> q.channel();
                });
            }
        }
        return query;
    }

    /**
     * Sums over a range (whole months from month rows, edge days from day rows), overall or by country, channel or
     * product, largest net revenue first. Orders and customers are summed per period; see {@link RangeSplit#periods()}.
     */
    @SuppressWarnings("unchecked")
    public List<SalesRow> summarize(long tenantId, SalesQuery.Dimension by, RangeSplit split, String country,
                                    String channel, int limit) {
        boolean product = by == SalesQuery.Dimension.product;
        String key = by == null ? "NULL::text" : by.name();
        String where;
        if (product) {
            where = "tenant_id = :tenant";
        } else {
            String c = country != null ? "country = :country" : (by == SalesQuery.Dimension.country ? "country <> :all" : "country = :all");
            String ch = channel != null ? "channel = :channel" : (by == SalesQuery.Dimension.channel ? "channel <> :all" : "channel = :all");
            where = "tenant_id = :tenant AND " + c + " AND " + ch;
        }
        String prefix = product ? "product_sales_" : "sales_";
        String columns = key + " AS k, net_revenue_e7, returns_e7, orders, customers, units_e3";
        String sql = "SELECT k, sum(net_revenue_e7), sum(returns_e7), sum(orders), sum(customers), sum(units_e3) FROM ("
                + "SELECT " + columns + " FROM " + prefix + "month WHERE " + where + " AND month = ANY (CAST(:months AS date[]))"
                + " UNION ALL SELECT " + columns + " FROM " + prefix + "day WHERE " + where + " AND day = ANY (CAST(:days AS date[]))"
                + ") x GROUP BY k ORDER BY 2 DESC, 1 LIMIT " + limit;
        Query query = em.createNativeQuery(sql)
                .setParameter("tenant", tenantId)
                .setParameter("months", dateArray(split.months()))
                .setParameter("days", dateArray(split.days()));
        for (String name : new String[]{"all", "country", "channel"}) {
            if (sql.contains(":" + name)) {
                query.setParameter(name, switch (name) {
                    case "all" -> SalesAggregator.ALL;
                    case "country" -> country;
                    default -> channel;
                });
            }
        }
        List<Object[]> result = query.getResultList();
        return result.stream().filter(r -> r[1] != null).map(r -> new SalesRow(null, (String) r[0], money(r[1]), money(r[2]),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), units(r[5]))).toList();
    }

    /**
     * For the products with a known unit cost, over a range: their net revenue and the cost of their units sold, or null
     * when no product sold in the range has a cost.
     */
    public BigDecimal[] grossMargin(long tenantId, RangeSplit split) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT sum(x.net_revenue_e7), sum(x.units_e3 * p.unit_cost_e4), count(*) FROM (
                    SELECT product, net_revenue_e7, units_e3 FROM product_sales_month
                    WHERE tenant_id = :tenant AND month = ANY (CAST(:months AS date[]))
                    UNION ALL SELECT product, net_revenue_e7, units_e3 FROM product_sales_day
                    WHERE tenant_id = :tenant AND day = ANY (CAST(:days AS date[]))) x
                JOIN product p ON p.tenant_id = :tenant AND p.sku = x.product AND p.unit_cost_e4 IS NOT NULL""")
                .setParameter("tenant", tenantId).setParameter("months", dateArray(split.months()))
                .setParameter("days", dateArray(split.days())).getSingleResult();
        if (((Number) r[2]).longValue() == 0) {
            return null;
        }
        return new BigDecimal[]{scaled(r[0], 7), scaled(r[1], 7)};
    }

    /** Descriptions of the given skus. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, String> productNames(long tenantId, List<String> skus) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (skus.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT sku, description FROM product WHERE tenant_id = :tenant AND sku = ANY (CAST(:skus AS text[]))")
                .setParameter("tenant", tenantId).setParameter("skus", "{" + String.join(",", skus.stream()
                        .map(s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"').toList()) + "}")
                .getResultList();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    private static String dateArray(List<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().map(LocalDate::toString).toList()) + "}";
    }

    /** Countries (or channels) present in the tenant's aggregates, for filter choices. */
    @SuppressWarnings("unchecked")
    public List<String> keys(long tenantId, String column) {
        String other = column.equals("country") ? "channel" : "country";
        return em.createNativeQuery("SELECT DISTINCT " + column + " FROM sales_month WHERE tenant_id = :tenant AND "
                        + column + " <> '*' AND " + other + " = '*' ORDER BY 1")
                .setParameter("tenant", tenantId).getResultList();
    }

    /** The first and last day with sales, if any. */
    public LocalDate[] span(long tenantId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT min(day), max(day) FROM sales_day WHERE tenant_id = :tenant "
                + "AND country = '*' AND channel = '*'").setParameter("tenant", tenantId).getSingleResult();
        if (r[0] == null) {
            return null;
        }
        return new LocalDate[]{SqlValues.date(r[0]), SqlValues.date(r[1])};
    }


    /** Money stored x 10^7 (a long, or a numeric sum of longs), with two decimals. */
    static BigDecimal money(Object o) {
        return scaled(o, 7).setScale(2, RoundingMode.HALF_UP);
    }

    /** Units stored x 1000, without trailing zeros. */
    static BigDecimal units(Object o) {
        BigDecimal u = scaled(o, 3).stripTrailingZeros();
        return u.scale() < 0 ? u.setScale(0) : u;
    }

    private static BigDecimal scaled(Object o, int scale) {
        BigDecimal unscaled = o instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) o).longValue());
        return unscaled.movePointLeft(scale);
    }
}
