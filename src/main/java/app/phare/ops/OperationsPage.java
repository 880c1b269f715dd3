package app.phare.ops;

import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The Operations section of /admin: this instance's key figures from its own metrics (pipeline rows per second, event
 * lag, live push and fraud-check latency, report queue, HTTP error rate) and, for the business, its last runs with
 * their speed and cost, and the cost of the night per month.
 */
@Path("/admin/operations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(AppUser.ADMIN)
public class OperationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(OperationsFigures.Figures figures, List<OperationsFigures.RecentRun> runs,
                                              List<OperationsFigures.MonthCost> months, java.time.ZoneId zone, java.util.Locale locale);
    }

    @Inject
    OperationsFigures figures;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance section() {
        java.time.ZoneId zone = user.tenant().zone();
        return Templates.section(figures.figures(), figures.recentRuns(8), figures.months(zone, 12), zone, user.tenant().javaLocale());
    }
}
