package app.phare.tenant;

import app.phare.common.Csrf;
import app.phare.common.PhareConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Security headers on every answer (pages, API, static files, redirects): a Content-Security-Policy that allows
 * scripts from Phare's own files only and no framing, nosniff, a same-origin referrer, and, over https, HSTS and
 * Secure cookies. Https means PHARE_BASE_URL is https, or the request came over https (X-Forwarded-Proto counts
 * behind a trusted proxy, PHARE_TRUST_PROXY).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Style attributes (bar widths) and htmx's indicator styles are inline; scripts never are. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final List<String> COOKIES = List.of("quarkus-credential", "quarkus-redirect-location",
            Sessions.COOKIE, Csrf.COOKIE);

    @Inject
    PhareConfig config;

    void install(@Observes Router router) {
        boolean httpsBase = config.baseUrl().toLowerCase().startsWith("https:");
        router.route().order(-1100).handler(rc -> {
            rc.addHeadersEndHandler(v -> decorate(rc, httpsBase || rc.request().isSSL()));
            rc.next();
        });
    }

    private static void decorate(RoutingContext rc, boolean https) {
        HttpServerResponse response = rc.response();
        response.putHeader("Content-Security-Policy", POLICY);
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("X-Frame-Options", "DENY");
        response.putHeader("Referrer-Policy", "same-origin");
        response.headers().remove("Server");
        if (!https) {
            return;
        }
        response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        // cookies set by the application itself are already headers
        List<String> set = response.headers().getAll("Set-Cookie");
        if (!set.isEmpty()) {
            response.headers().remove("Set-Cookie");
            for (String c : set) {
                response.headers().add("Set-Cookie", c.toLowerCase().contains("; secure") ? c : c + "; Secure");
            }
        }
        // cookies set through Vert.x (the login cookies of Quarkus) are written after this: mark the changed ones
        for (String name : COOKIES) {
            for (Cookie c : response.removeCookies(name, false)) {
                if (c instanceof ServerCookie sc && sc.isChanged()) {
                    c.setSecure(true);
                }
                response.addCookie(c);
            }
        }
    }
}
