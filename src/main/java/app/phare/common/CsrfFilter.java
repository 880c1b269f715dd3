package app.phare.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Refuses state-changing page requests without the CSRF token, and sets the token cookie on pages that made one. */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Csrf csrf;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/")) {
            return null;
        }
        Cookie cookie = request.getCookies().get(Csrf.COOKIE);
        String header = request.getHeaderString(Csrf.HEADER);
        if (cookie == null || header == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("This form has expired or did not come from Phare. Reload the page and try again.").build();
        }
        return null;
    }

    @ServerResponseFilter
    public void setCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/") || !io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return; // the API has no forms; and a token is only ever made while the request context is active
        }
        NewCookie cookie = csrf.newCookie();
        if (cookie != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
