package app.phare.tenant;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rebuilds the identity of a browser session from its (encrypted) session cookie, if its server-side session is still
 * live ({@link Sessions}): a logged-out session, a changed password or a deleted user log the browser out.
 */
@ApplicationScoped
public class TrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    UserDirectory users;

    @Inject
    Sessions sessions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie session = rc == null ? null : rc.request().getCookie(Sessions.COOKIE);
        String email = request.getPrincipal();
        return context.runBlocking(() -> {
            if (session == null || !sessions.isLive(session.getValue(), email)) {
                throw ended(rc, "the session has ended");
            }
            return users.findByEmail(email).map(PhareIdentityProvider::identityOf)
                    .orElseThrow(() -> ended(rc, "unknown user"));
        });
    }

    /** The browser is sent to the login page without its dead cookies, so that the login page opens. */
    private static AuthenticationFailedException ended(RoutingContext rc, String why) {
        if (rc != null) {
            rc.response().removeCookie(LoginPage.SESSION_COOKIE);
            rc.response().removeCookie(Sessions.COOKIE);
        }
        return new AuthenticationFailedException(why);
    }
}
