package app.phare.live;

import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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

/** The live section of /admin: the live-vs-batch drift of each reconciled day, the cart window and drift threshold. */
@Path("/admin/live")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(AppUser.ADMIN)
public class LiveAdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance live(PageContext page, List<Reconciliation.Day> drift,
                                           LiveSettingsService.LiveSettings settings, String currency, String message,
                                           boolean error);
    }

    @Inject
    Reconciliation reconciliation;

    @Inject
    LiveSettingsService settings;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance section(@Context HttpHeaders headers) {
        return render(headers, null, false);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance change(@RestForm String cartWindowMinutes, @RestForm String driftThresholdPct,
                                   @Context HttpHeaders headers) {
        try {
            settings.change(user.tenant().id, new LiveSettingsService.Change(number("cartWindowMinutes", cartWindowMinutes),
                    number("driftThresholdPct", driftThresholdPct)), user.email());
            return render(headers, "Saved.", false);
        } catch (ProblemException e) {
            return render(headers, e.getMessage(), true);
        }
    }

    private static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a number");
        }
    }

    private TemplateInstance render(HttpHeaders headers, String message, boolean error) {
        return Templates.live(user.page("admin", headers), reconciliation.latest(30), settings.get(user.tenant().id),
                user.tenant().currency, message, error);
    }
}
