package app.phare.token;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The API tokens section of /admin: create a token (its secret shown once), see when each was last used, revoke. */
@Path("/admin/tokens")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(AppUser.ADMIN)
public class ApiTokensPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(PageContext page, List<ApiTokenService.View> tokens, List<String> scopes,
                                             ApiTokenService.Created created, String error, ZoneId zone);
    }

    @Inject
    ApiTokenService tokens;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance section(@Context HttpHeaders headers) {
        return render(headers, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance create(@RestForm String name, @RestForm List<String> scope, @RestForm String expiresInDays,
                                   @Context HttpHeaders headers) {
        try {
            return render(headers, tokens.create(name, scope, user.email(), expiry(expiresInDays)), null);
        } catch (ProblemException e) {
            return render(headers, null, e.getMessage());
        }
    }

    @POST
    @Path("/{id}/revoke")
    public TemplateInstance revoke(@PathParam("id") long id, @Context HttpHeaders headers) {
        try {
            tokens.revoke(id, user.email());
            return render(headers, null, null);
        } catch (ProblemException e) {
            return render(headers, null, e.getMessage());
        }
    }

    /** "" or blank: never; otherwise a whole number of days from now. */
    private static Instant expiry(String days) {
        if (days == null || days.isBlank()) {
            return null;
        }
        try {
            int d = Integer.parseInt(days.strip());
            if (d >= 1 && d <= 3650) {
                return Instant.now().plus(Duration.ofDays(d));
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw ProblemException.badRequest("expiresInDays", "'" + days + "' is not a number of days from 1 to 3650; "
                + "leave it empty for a token that never expires");
    }

    private TemplateInstance render(HttpHeaders headers, ApiTokenService.Created created, String error) {
        return Templates.tokens(user.page("admin", headers), tokens.list(), Scope.ALL, created, error, user.tenant().zone());
    }
}
