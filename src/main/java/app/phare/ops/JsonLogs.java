package app.phare.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;

/**
 * JSON logs on demand: with {@code PHARE_LOG_JSON=true} the console writes one JSON object per line (see
 * {@link JsonLogFormatter}) from the moment the application starts.
 */
@ApplicationScoped
public class JsonLogs {

    @jakarta.inject.Inject
    app.phare.common.PhareConfig config;

    void onStart(@Observes @Priority(1) StartupEvent e) {
        if (config.logJson()) {
            for (Handler h : LogContext.getLogContext().getLogger("").getHandlers()) {
                useJson(h);
            }
        }
    }

    private static void useJson(Handler h) {
        if (h instanceof ConsoleHandler) {
            h.setFormatter(new JsonLogFormatter());
        }
        if (h instanceof ExtHandler ext) {
            for (Handler inner : ext.getHandlers()) {
                useJson(inner);
            }
        }
    }
}
