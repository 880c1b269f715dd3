package app.phare.marketing;

import app.phare.common.QueryParams;
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
 * Marketing figures from the pre-aggregated ad tables: spend, impressions, clicks, CTR, CPC, conversions, cost per
 * conversion by day or month, overall or by campaign or platform; overall rows add net revenue (from the sales
 * aggregates) and blended ROAS = net revenue ÷ spend.
 */
@ApplicationScoped
public class MarketingMetrics {

    /** One row of the answer. */
    public record Row(String period, String key, long impressions, long clicks, BigDecimal spend, long conversions,
                      BigDecimal conversionValue, BigDecimal ctr, BigDecimal cpc, BigDecimal costPerConversion,
                      BigDecimal netRevenue, BigDecimal roas) {
    }

    /** The answer of GET /api/metrics/marketing. */
    public record Report(LocalDate from, LocalDate to, String grain, String by, String currency, List<Row> rows) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantScope scope;

    @SuppressWarnings("unchecked")
    public Report report(LocalDate from, LocalDate to, String grain, String by) {
        long tenant = scope.requireTenant();
        String format = grain.equals("month") ? "'YYYY-MM'" : "'YYYY-MM-DD'";
        String key = by == null ? "''" : by;
        String revenue = by != null ? "NULL::numeric"
                : "(SELECT sum(s.net_revenue_e7) FROM sales_day s WHERE s.tenant_id = :tenant AND s.country = '*' AND s.channel = '*'"
                + " AND s.day BETWEEN :from AND :to AND to_char(s.day, " + format + ") = a.period)";
        String sql = "SELECT a.period, a.k, a.impressions, a.clicks, a.spend, a.conversions, a.value, " + revenue + " FROM ("
                + "SELECT to_char(day, " + format + ") AS period, " + key + " AS k, sum(impressions) AS impressions,"
                + " sum(clicks) AS clicks, sum(spend_e2) AS spend, sum(conversions) AS conversions, sum(conversion_value_e2) AS value"
                + " FROM ad_campaign_day WHERE tenant_id = :tenant AND day BETWEEN :from AND :to GROUP BY 1, 2) a ORDER BY 1, 5 DESC, 2";
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery(sql).setParameter("tenant", tenant).setParameter("from", from)
                    .setParameter("to", to).getResultList();
            String currency = ((String) em.createNativeQuery("SELECT currency FROM tenant WHERE id = :t").setParameter("t", tenant)
                    .getSingleResult()).trim();
            return new Report(from, to, grain, by, currency, rows.stream().map(MarketingMetrics::row).toList());
        });
    }

    private static Row row(Object[] r) {
        long impressions = ((Number) r[2]).longValue();
        long clicks = ((Number) r[3]).longValue();
        BigDecimal spend = QueryParams.money(r[4], 2);
        long conversions = ((Number) r[5]).longValue();
        BigDecimal revenue = r[7] == null ? null : QueryParams.money(r[7], 7);
        return new Row((String) r[0], (String) r[1], impressions, clicks, spend, conversions, QueryParams.money(r[6], 2),
                impressions == 0 ? null : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 6, RoundingMode.HALF_UP),
                clicks == 0 ? null : spend.divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP),
                conversions == 0 ? null : spend.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_UP),
                revenue,
                revenue == null || spend.signum() == 0 ? null : revenue.divide(spend, 2, RoundingMode.HALF_UP));
    }
}
