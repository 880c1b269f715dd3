package app.phare.tenant;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The login form (posting to Quarkus form authentication at /j_security_check) and logout. */
@Path("/")
public class LoginPage {

    /** The session cookie of Quarkus form authentication. */
    static final String SESSION_COOKIE = "quarkus-credential";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean loggedOut);
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("logout") String logout) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error != null, logout != null)).build();
    }

    /** Ends the session: the cookie is cleared and htmx goes to the login page. */
    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(expired).header("HX-Redirect", "/login?logout=true").build();
    }
}
