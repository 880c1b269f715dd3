package app.phare.marketing;

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
import java.time.LocalDate;
import java.util.List;

/** The Marketing page: ad spend and its results over a period, by campaign, with blended ROAS. */
@Path("/marketing")
@Produces(MediaType.TEXT_HTML)
public class MarketingPage {

    /** What the page shows. */
    public record View(LocalDate from, LocalDate to, LocalDate dataFrom, LocalDate dataTo, String currency,
                       MarketingMetrics.Row total, List<MarketingMetrics.Row> campaigns, String chartSvg, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance marketing(PageContext page, View view);
    }

    @Inject
    MarketingMetrics metrics;

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @GET
    public TemplateInstance page(@RestQuery String from, @RestQuery String to, @Context HttpHeaders headers) {
        PageContext page = user.page("marketing", headers);
        LocalDate[] span = span();
        String error = null;
        LocalDate f = span == null ? LocalDate.now() : span[0], t = span == null ? LocalDate.now() : span[1];
        if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
            try {
                LocalDate[] r = QueryParams.range(from, to);
                f = r[0];
                t = r[1];
            } catch (ProblemException e) {
                error = e.getMessage();
            }
        }
        MarketingMetrics.Report all = metrics.report(f, t, "month", null);
        MarketingMetrics.Report days = metrics.report(f, t, "day", null);
        MarketingMetrics.Report byCampaign = metrics.report(f, t, "month", "campaign");
        MarketingMetrics.Row total = sum(all.rows());
        var campaigns = byCampaign.rows().stream().collect(java.util.stream.Collectors.groupingBy(MarketingMetrics.Row::key,
                java.util.TreeMap::new, java.util.stream.Collectors.toList())).values().stream()
                .map(MarketingPage::sum).sorted((a, b) -> b.spend().compareTo(a.spend())).toList();
        String chart = SvgChart.render(days.rows().stream().map(r -> new SvgChart.Point(r.period().substring(5), r.period(),
                r.spend())).toList(), true, v -> Display.money(v, all.currency(), page.locale()), page.locale());
        return Templates.marketing(page, new View(f, t, span == null ? null : span[0], span == null ? null : span[1],
                all.currency(), total, campaigns, chart, error));
    }

    private LocalDate[] span() {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT min(day), max(day) FROM ad_campaign_day").getSingleResult());
        if (r[0] == null) {
            return null;
        }
        return new LocalDate[]{SqlValues.date(r[0]), SqlValues.date(r[1])};
    }


    /** The rows added up, with the ratios recomputed from the sums. */
    static MarketingMetrics.Row sum(List<MarketingMetrics.Row> rows) {
        long impressions = 0, clicks = 0, conversions = 0;
        BigDecimal spend = BigDecimal.ZERO.setScale(2), value = BigDecimal.ZERO.setScale(2), revenue = null;
        for (MarketingMetrics.Row r : rows) {
            impressions += r.impressions();
            clicks += r.clicks();
            conversions += r.conversions();
            spend = spend.add(r.spend());
            value = value.add(r.conversionValue());
            if (r.netRevenue() != null) {
                revenue = revenue == null ? r.netRevenue() : revenue.add(r.netRevenue());
            }
        }
        java.math.RoundingMode up = java.math.RoundingMode.HALF_UP;
        return new MarketingMetrics.Row(null, rows.isEmpty() ? null : rows.get(0).key(), impressions, clicks, spend, conversions,
                value, impressions == 0 ? null : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 6, up),
                clicks == 0 ? null : spend.divide(BigDecimal.valueOf(clicks), 2, up),
                conversions == 0 ? null : spend.divide(BigDecimal.valueOf(conversions), 2, up),
                revenue, revenue == null || spend.signum() == 0 ? null : revenue.divide(spend, 2, up));
    }
}
