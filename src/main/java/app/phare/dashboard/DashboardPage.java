package app.phare.dashboard;

import app.phare.common.PageContext;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The sales dashboard: the full page, or only its content when htmx asks after a filter change. */
@Path("/")
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(PageContext page, DashboardView view);

        static native TemplateInstance dashboard$content(DashboardView view);
    }

    @Inject
    DashboardService dashboards;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("preset") String preset, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("country") String country,
                                      @QueryParam("channel") String channel, @QueryParam("range") String range,
                                      @HeaderParam("HX-Request") String htmx,
                                      @Context HttpHeaders headers) {
        DashboardView view = dashboards.build(user.tenant(), new DashboardService.Filters(
                "custom".equals(range) ? "custom" : preset, from, to, country, channel));
        if ("true".equals(htmx)) {
            return Templates.dashboard$content(view);
        }
        return Templates.dashboard(user.page("dashboard", headers), view);
    }
}
