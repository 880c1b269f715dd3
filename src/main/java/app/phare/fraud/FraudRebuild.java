package app.phare.fraud;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Gives the payment check its recent history back at start: the payments checked within each tenant's velocity
 * window are read from payment_check. (The customers' usual amounts come back with the replay of the stored events,
 * see {@link app.phare.live.LiveRebuild}.)
 */
@ApplicationScoped
@app.phare.tenant.SystemWork // rebuilds every tenant's payment memory from the recent checks
public class FraudRebuild {

    private static final Logger LOG = Logger.getLogger(FraudRebuild.class);

    @Inject
    PaymentCheckRepository checks;

    @Inject
    FraudMemory memory;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 501) StartupEvent event) {
        long started = System.nanoTime();
        long[] count = {0};
        checks.recent((tenantId, customerKey, paymentId, cardCountry, ipCountry, atMillis) -> {
            memory.restore(tenantId, customerKey, paymentId, cardCountry, ipCountry, atMillis);
            count[0]++;
        });
        LOG.infof("payment check memory rebuilt from %d recent checks in %d ms", count[0],
                (System.nanoTime() - started) / 1_000_000);
    }
}
