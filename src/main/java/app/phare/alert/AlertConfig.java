package app.phare.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Alerts: how often the live rules (the last hour) are judged. */
@ConfigMapping(prefix = "phare.alerts")
public interface AlertConfig {

    /** Interval of the live rules' evaluation ("60s"); "off" leaves it to explicit calls (tests pick their instants). */
    @WithDefault("60s")
    String liveEvery();
}
