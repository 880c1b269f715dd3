package app.phare.ingest;

import app.phare.source.PullConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pull client's pagination (offset, cursor, Link header) and its handling of errors, against a local server. */
class PullClientTest {

    private HttpServer server;
    private String base;
    private final PullClient client = new PullClient(new ObjectMapper(), Duration.ofMillis(10));

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // ten items, served in slices by offset, by cursor and by Link header
        server.createContext("/offset", ex -> {
            int offset = Integer.parseInt(param(ex.getRequestURI().getQuery(), "offset", "0"));
            int limit = Integer.parseInt(param(ex.getRequestURI().getQuery(), "limit", "4"));
            reply(ex, 200, "{\"items\": " + items(offset, Math.min(10, offset + limit)) + "}", Map.of());
        });
        server.createContext("/cursor", ex -> {
            int from = Integer.parseInt(param(ex.getRequestURI().getQuery(), "cursor", "0"));
            int to = Math.min(10, from + 4);
            reply(ex, 200, "{\"items\": " + items(from, to) + ", \"next\": " + (to < 10 ? "\"" + to + "\"" : "null") + "}", Map.of());
        });
        server.createContext("/link", ex -> {
            int page = Integer.parseInt(param(ex.getRequestURI().getQuery(), "p", "0"));
            Map<String, String> headers = page < 2 ? Map.of("Link", "</link?p=" + (page + 1) + ">; rel=\"next\"") : Map.of();
            reply(ex, 200, items(page * 4, Math.min(10, page * 4 + 4)), headers);
        });
        server.createContext("/down", ex -> reply(ex, 503, "{}", Map.of()));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void followsOffsetCursorAndLinkPagination() throws Exception {
        assertThat(ids(client.fetch(config("/offset", new PullConfig.Pagination("offset", "offset", "limit", 4, null), "/items"), Map.of(), null)))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ids(client.fetch(config("/cursor", new PullConfig.Pagination("cursor", "cursor", null, null, "/next"), "/items"), Map.of(), null)))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ids(client.fetch(config("/link", new PullConfig.Pagination("link", null, null, null, null), ""), Map.of(), null)))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void givesUpOnAnEndpointThatStaysDownAndNamesIt() {
        assertThatThrownBy(() -> client.fetch(config("/down", null, ""), Map.of(), null))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("answered 503 5 times");
        assertThatThrownBy(() -> client.fetch(config("/offset", null, "/nothing"), Map.of(), null))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("no array of records at /nothing");
    }

    @Test
    void keepsTheLaterCursorNumericallyOrByText() {
        assertThat(PullService.later("9", "10")).isEqualTo("10");
        assertThat(PullService.later("2025-01-09T10:00:00Z", "2025-01-10T09:00:00Z")).isEqualTo("2025-01-10T09:00:00Z");
        assertThat(PullService.later(null, "5")).isEqualTo("5");
        assertThat(PullService.later("5", "")).isEqualTo("5");
    }

    private PullConfig config(String path, PullConfig.Pagination pagination, String records) {
        return new PullConfig(base + path, Map.of(), pagination, records, null, null).validate();
    }

    private static List<Integer> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.get("id").asInt()).toList();
    }

    private static String items(int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            b.append(i == from ? "" : ",").append("{\"id\": ").append(i).append("}");
        }
        return b.append("]").toString();
    }

    private static String param(String query, String name, String fallback) {
        if (query != null) {
            for (String p : query.split("&")) {
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return fallback;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body, Map<String, String> headers)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
