package app.phare.stock;

import app.phare.common.FormValues;
import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.insight.StockAdvisor;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The Stock page: units on hand by category, days of cover, reorder and overstock recommendations from the demand forecast. */
@Path("/stock")
@Produces(MediaType.TEXT_HTML)
public class StockPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stock(PageContext page, StockMetrics.Report report, List<StockMetrics.Item> reorder,
                                            List<StockMetrics.Item> overstock, long onHand, StockAdvisor.Advice advice,
                                            String currency, String message, boolean error);

        static native TemplateInstance recommendations(PageContext page, StockAdvisor.Advice advice, String currency,
                                                      String message, boolean error);
    }

    @Inject
    StockAdvisor advisor;

    @Inject
    StockMetrics metrics;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        StockMetrics.Report report = metrics.report();
        return Templates.stock(user.page("stock", headers), report,
                report.items().stream().filter(i -> i.status().equals("below reorder level")).toList(),
                report.items().stream().filter(i -> i.status().equals("overstock")).toList(),
                report.items().stream().mapToLong(StockMetrics.Item::onHand).sum(), advisor.advise(user.tenant().id),
                user.tenant().currency.trim(), null, false);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance settings(@RestForm String leadTimeDays, @RestForm String coverDays, @Context HttpHeaders headers) {
        String message = "Saved.";
        boolean error = false;
        try { // a bad number is shown in the form like any other refusal
            advisor.change(user.tenant().id, days(FormValues.whole("leadTimeDays", leadTimeDays)), days(FormValues.whole("coverDays", coverDays)), user.email());
        } catch (ProblemException e) {
            message = e.problem().detail();
            error = true;
        }
        return Templates.recommendations(user.page("stock", headers), advisor.advise(user.tenant().id), user.tenant().currency.trim(),
                message, error);
    }

    private static Integer days(Long days) {
        return days == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days));
    }
}
