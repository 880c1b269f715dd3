package app.phare.fraud;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Bounds of the payment check's memory and of its write-behind of decisions. */
@ConfigMapping(prefix = "phare.fraud")
public interface FraudConfig {

    /** Customers remembered per tenant (velocity and usual amount); the least recently seen are forgotten first. */
    @WithDefault("50000")
    int maxCustomersPerTenant();

    /** Decisions waiting to be written; when full (database down for minutes), further decisions are not stored. */
    @WithDefault("50000")
    int queueCapacity();

    /** How often waiting decisions are written, in one batch. */
    @WithDefault("50ms")
    Duration flushInterval();
}
