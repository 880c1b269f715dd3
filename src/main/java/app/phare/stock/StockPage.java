package app.phare.stock;

import app.phare.common.PageContext;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The Stock page: units on hand by category, days of cover, items to reorder and overstock. */
@Path("/stock")
@Produces(MediaType.TEXT_HTML)
public class StockPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stock(PageContext page, StockMetrics.Report report, List<StockMetrics.Item> reorder,
                                            List<StockMetrics.Item> overstock, long onHand);
    }

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
                report.items().stream().mapToLong(StockMetrics.Item::onHand).sum());
    }
}
