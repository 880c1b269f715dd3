package app.phare.deals;

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
 * Sales-pipeline figures from the deal aggregates: the open pipeline by stage, and per close month (overall, by agent
 * or by product) won value, won and lost deals, win rate, average deal size and average sales cycle in days.
 */
@ApplicationScoped
public class PipelineMetrics {

    /** Open deals of a stage. */
    public record Stage(String stage, long deals, BigDecimal value) {
    }

    /** Closed deals of a month (and agent or product). */
    public record Month(String period, String key, BigDecimal wonValue, long won, long lost, BigDecimal winRate,
                       BigDecimal averageDealSize, BigDecimal averageCycleDays) {
    }

    /** The answer of GET /api/metrics/pipeline. */
    public record Report(LocalDate from, LocalDate to, String by, String currency, List<Stage> open, List<Month> rows) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantScope scope;

    @SuppressWarnings("unchecked")
    public Report report(LocalDate from, LocalDate to, String by) {
        long tenant = scope.requireTenant();
        String key = by == null ? "''" : by.equals("agent") ? "m.owner"
                : "coalesce(p.name, m.product)";
        String sql = "SELECT to_char(m.month, 'YYYY-MM'), " + key + " AS k, sum(m.won_value_e2), sum(m.won), sum(m.lost),"
                + " sum(m.cycle_days_sum), sum(m.cycle_deals) FROM deal_month m"
                + " LEFT JOIN product p ON p.tenant_id = m.tenant_id AND p.sku = m.product"
                + " WHERE m.tenant_id = :tenant AND m.month BETWEEN :from AND :to GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2";
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> months = em.createNativeQuery(sql).setParameter("tenant", tenant)
                    .setParameter("from", from.withDayOfMonth(1)).setParameter("to", to).getResultList();
            List<Object[]> stages = em.createNativeQuery("""
                    SELECT stage, sum(deals), sum(value_e2) FROM deal_open WHERE tenant_id = :tenant GROUP BY 1 ORDER BY 2 DESC, 1""")
                    .setParameter("tenant", tenant).getResultList();
            String currency = ((String) em.createNativeQuery("SELECT currency FROM tenant WHERE id = :t").setParameter("t", tenant)
                    .getSingleResult()).trim();
            return new Report(from, to, by, currency,
                    stages.stream().map(s -> new Stage((String) s[0], ((Number) s[1]).longValue(), QueryParams.money(s[2], 2))).toList(),
                    months.stream().map(PipelineMetrics::month).toList());
        });
    }

    private static Month month(Object[] r) {
        BigDecimal wonValue = QueryParams.money(r[2], 2);
        long won = ((Number) r[3]).longValue();
        long lost = ((Number) r[4]).longValue();
        long cycleDays = ((Number) r[5]).longValue();
        long cycleDeals = ((Number) r[6]).longValue();
        return new Month((String) r[0], (String) r[1], wonValue, won, lost,
                won + lost == 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 4, RoundingMode.HALF_UP),
                won == 0 ? null : wonValue.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP),
                cycleDeals == 0 ? null : BigDecimal.valueOf(cycleDays).divide(BigDecimal.valueOf(cycleDeals), 1, RoundingMode.HALF_UP));
    }
}
