package app.phare.dashboard;

import app.phare.aggregate.FiguresVersion;
import app.phare.ops.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer cache stays within its bound by letting the least used answers go, never by emptying itself whole. */
class SalesReportCacheBoundTest {

    @Test
    void beyondItsBoundTheCacheDropsOldAnswersOneByOne() {
        SalesReportCache cache = new SalesReportCache();
        cache.versions = new FiguresVersion();
        cache.metrics = new Metrics();
        setRegistry(cache.metrics);
        LocalDate day = LocalDate.of(2020, 1, 1);
        int asked = SalesReportCache.MAX_ENTRIES + 5_000;
        for (int i = 0; i < asked; i++) {
            SalesQuery q = question(day.plusDays(i));
            cache.get(1L, q, () -> "{}".getBytes(StandardCharsets.UTF_8));
            if (i % 1_000 == 0) {
                // one question asked again and again: the frequently used answer is the one kept
                cache.get(1L, question(day), () -> "{}".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(cache.size()).isLessThanOrEqualTo(SalesReportCache.MAX_ENTRIES)
                .isGreaterThan(SalesReportCache.MAX_ENTRIES - 1_000);
        assertThat(cache.holds(1L, question(day))).isTrue();
        assertThat(cache.holds(1L, question(day.plusDays(asked - 1)))).isTrue();
    }

    private static SalesQuery question(LocalDate d) {
        return new SalesQuery(d, d, null, null, null, null);
    }

    private static void setRegistry(Metrics metrics) {
        try {
            var f = Metrics.class.getDeclaredField("registry");
            f.setAccessible(true);
            f.set(metrics, new SimpleMeterRegistry());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
