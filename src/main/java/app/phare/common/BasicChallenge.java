package app.phare.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * API clients that get a 401 are told how to authenticate (RFC 7235): HTTP Basic, whatever mechanism the browser
 * pages use.
 */
@ApplicationScoped
public class BasicChallenge {

    void install(@Observes Router router) {
        router.route("/api/*").order(-1000).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 401 && !rc.response().headers().contains("WWW-Authenticate")) {
                    rc.response().putHeader("WWW-Authenticate", "Basic realm=\"Phare\", charset=\"UTF-8\"");
                }
            });
            rc.next();
        });
    }
}
