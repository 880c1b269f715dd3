package app.phare.tenant;

import app.phare.common.Csrf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The login form (posting to Quarkus form authentication at /j_security_check, with a CSRF token) and logout, which
 * ends the server-side session on every instance.
 */
@Path("/")
public class LoginPage {

    /** The session cookie of Quarkus form authentication. */
    static final String SESSION_COOKIE = "quarkus-credential";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean loggedOut, String csrf);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    Csrf csrf;

    @Inject
    Sessions sessions;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("logout") String logout,
                          @Context HttpHeaders headers) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error != null, logout != null, csrf.token(headers))).build();
    }

    /** Ends the session: its server-side record is deleted, the cookies are cleared and htmx goes to the login page. */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(Sessions.COOKIE) String session) {
        sessions.end(session);
        return Response.noContent().cookie(expired(SESSION_COOKIE), expired(Sessions.COOKIE))
                .header("HX-Redirect", "/login?logout=true").build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
