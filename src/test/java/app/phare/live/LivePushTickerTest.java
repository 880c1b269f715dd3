package app.phare.live;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LivePush runs one ticker thread, started once the bean exists (its client proxy must not start a second). */
@QuarkusTest
class LivePushTickerTest {

    @Inject
    LivePush push;

    @Test
    void exactlyOneTickerThreadRuns() {
        push.open(); // the proxy and the bean both exist now
        long tickers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(LivePush.TICKER_THREAD)).count();
        assertThat(tickers).isEqualTo(1);
    }
}
