package app.phare.insight;

import app.phare.common.PageContext;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The Insights page: forecasts with their measured accuracy, unusual days explained, stock advice, the latest alerts. */
@Path("/insights")
@Produces(MediaType.TEXT_HTML)
public class InsightsPage {

    static final List<Integer> DAYS = List.of(30, 90, 365);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance insights(PageContext page, InsightOverview.View view, List<Kpi> kpis, List<Integer> dayChoices);
    }

    @Inject
    InsightOverview overview;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@QueryParam("kpi") String kpi, @QueryParam("days") Integer days, @Context HttpHeaders headers) {
        int d = days != null && DAYS.contains(days) ? days : 90;
        return Templates.insights(user.page("insights", headers), overview.build(user.tenant(), Kpi.of(kpi == null ? "" : kpi)
                .filter(k -> !k.live), d), Kpi.daily(), DAYS);
    }
}
