package app.phare.tenant;

import app.phare.testing.Api;
import app.phare.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One user's Server-Sent Events streams are capped (PHARE_SSE_MAX_PER_USER, 20): the 21st gets 429 until one closes. */
@QuarkusTest
class StreamQuotaTest {

    @Inject
    StreamQuota quota;

    @Test
    void theTwentyFirstStreamOfAUserGets429() {
        Api.TestTenant t = Api.aTenant();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                SseClient s = SseClient.open(i % 2 == 0 ? "/api/notifications/stream" : "/api/live/stream", t.manager(),
                        t.password(), null);
                streams.add(s);
                assertThat(s.status()).as("stream %d", i + 1).isEqualTo(200);
            }
            io.restassured.response.Response extra = t.asManager().accept("text/event-stream").get("/api/live/stream");
            assertThat(extra.statusCode()).isEqualTo(429);
            assertThat(extra.contentType()).startsWith("application/problem+json");
            assertThat(extra.jsonPath().getString("detail")).contains("20 live streams open");
            try (SseClient other = SseClient.open("/api/live/stream", t.admin(), t.password(), null)) {
                assertThat(other.status()).as("another user").isEqualTo(200);
            }
            streams.remove(0).close();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> quota.openBy(t.manager()) < 20);
            SseClient again = SseClient.open("/api/notifications/stream", t.manager(), t.password(), null);
            streams.add(again);
            assertThat(again.status()).isEqualTo(200);
        } finally {
            streams.forEach(SseClient::close);
        }
    }
}
