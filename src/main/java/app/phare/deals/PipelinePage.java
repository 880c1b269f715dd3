package app.phare.deals;

import app.phare.common.db.SqlValues;
import app.phare.common.Display;
import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.common.QueryParams;
import app.phare.dashboard.SvgChart;
import app.phare.tenant.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** The Sales pipeline page: open deals by stage, won value by month, win rate, deal size and cycle, by agent and product. */
@Path("/pipeline")
@Produces(MediaType.TEXT_HTML)
public class PipelinePage {

    /** What the page shows. */
    public record View(LocalDate from, LocalDate to, String currency, List<PipelineMetrics.Stage> open, long openDeals,
                       BigDecimal openValue, PipelineMetrics.Month total, List<PipelineMetrics.Month> byAgent,
                       List<PipelineMetrics.Month> byProduct, String chartSvg, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pipeline(PageContext page, View view);
    }

    @Inject
    PipelineMetrics metrics;

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @GET
    public TemplateInstance page(@RestQuery String from, @RestQuery String to, @Context HttpHeaders headers) {
        PageContext page = user.page("pipeline", headers);
        Object[] span = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT min(month), max(month) FROM deal_month").getSingleResult());
        LocalDate f = span[0] == null ? LocalDate.now().withDayOfMonth(1) : SqlValues.date(span[0]);
        LocalDate t = span[1] == null ? LocalDate.now() : SqlValues.date(span[1]).plusMonths(1).minusDays(1);
        String error = null;
        if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
            try {
                LocalDate[] r = QueryParams.range(from, to);
                f = r[0];
                t = r[1];
            } catch (ProblemException e) {
                error = e.getMessage();
            }
        }
        PipelineMetrics.Report months = metrics.report(f, t, null);
        PipelineMetrics.Report agents = metrics.report(f, t, "agent");
        PipelineMetrics.Report products = metrics.report(f, t, "product");
        String chart = SvgChart.render(months.rows().stream().map(m -> new SvgChart.Point(m.period(), m.period(), m.wonValue()))
                .toList(), true, v -> Display.money(v, months.currency(), page.locale()), page.locale());
        return Templates.pipeline(page, new View(f, t, months.currency(), months.open(),
                months.open().stream().mapToLong(PipelineMetrics.Stage::deals).sum(),
                months.open().stream().map(PipelineMetrics.Stage::value).reduce(BigDecimal.ZERO, BigDecimal::add),
                sum(null, months.rows()), byKey(agents.rows()), byKey(products.rows()), chart, error));
    }

    private static List<PipelineMetrics.Month> byKey(List<PipelineMetrics.Month> rows) {
        return rows.stream().collect(java.util.stream.Collectors.groupingBy(PipelineMetrics.Month::key, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList())).entrySet().stream().map(e -> sum(e.getKey(), e.getValue()))
                .sorted((a, b) -> b.wonValue().compareTo(a.wonValue())).toList();
    }

    /** Months added up; win rate and averages recomputed from the sums (cycle weighted by the deals it covers). */
    static PipelineMetrics.Month sum(String key, List<PipelineMetrics.Month> rows) {
        BigDecimal won = BigDecimal.ZERO.setScale(2);
        long wonDeals = 0, lost = 0;
        BigDecimal cycleWeighted = BigDecimal.ZERO;
        for (PipelineMetrics.Month m : rows) {
            won = won.add(m.wonValue());
            wonDeals += m.won();
            lost += m.lost();
            if (m.averageCycleDays() != null) {
                cycleWeighted = cycleWeighted.add(m.averageCycleDays().multiply(BigDecimal.valueOf(m.won())));
            }
        }
        return new PipelineMetrics.Month(null, key, won, wonDeals, lost,
                wonDeals + lost == 0 ? null : BigDecimal.valueOf(wonDeals).divide(BigDecimal.valueOf(wonDeals + lost), 4, RoundingMode.HALF_UP),
                wonDeals == 0 ? null : won.divide(BigDecimal.valueOf(wonDeals), 2, RoundingMode.HALF_UP),
                wonDeals == 0 ? null : cycleWeighted.divide(BigDecimal.valueOf(wonDeals), 1, RoundingMode.HALF_UP));
    }

}
