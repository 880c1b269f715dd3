package app.phare.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Background reports: how many generate at once, how long files are kept, when a silent worker counts as lost. */
@ConfigMapping(prefix = "phare.reports")
public interface ReportConfig {

    /** Days a ready report's file is kept before the retention job removes it. */
    @WithDefault("30")
    int retentionDays();

    /** A running report whose worker has not reported for this long is requeued (its instance died). */
    @WithDefault("60s")
    Duration staleAfter();
}
