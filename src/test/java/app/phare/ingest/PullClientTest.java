package app.phare.ingest;

import app.phare.common.net.OutboundPolicy;
import app.phare.source.PullConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pull client against local servers: pagination (offset, cursor, Link header), errors, redirects (credentials
 * never to another origin, at most five, every hop checked against the outbound policy), the byte cap. The tests
 * without the private allowance reach the local server through it as a proxy, under made-up public names that an
 * injected resolver answers.
 */
class PullClientTest {

    private static final String PUBLIC = "api.example.test";

    private HttpServer server;
    private HttpServer other;
    private ExecutorService threads;
    private String base;
    private String otherBase;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> otherRequests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> dns = new ConcurrentHashMap<>(Map.of(PUBLIC, "203.0.113.10", "rebind.example.test", "127.0.0.1"));
    private final OutboundPolicy.Resolver resolver = host -> dns.containsKey(host)
            ? new InetAddress[]{InetAddress.getByName(dns.get(host))} : InetAddress.getAllByName(host);
    private final OutboundPolicy onPremises = new OutboundPolicy(true, resolver);
    private final OutboundPolicy strict = new OutboundPolicy(false, resolver);
    private final PullClient client = new PullClient(new ObjectMapper(), Duration.ofMillis(10), onPremises, 1L << 30);
    private PullClient strictClient;

    @BeforeEach
    void start() throws Exception {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        // ten items, served in slices by offset, by cursor and by Link header
        server.createContext("/offset", ex -> {
            log(requests, ex);
            int offset = Integer.parseInt(param(ex, "offset", "0"));
            int limit = Integer.parseInt(param(ex, "limit", "4"));
            if (ex.getRequestURI().getHost() != null) {
                dns.put(PUBLIC, "127.0.0.1");               // the name resolves elsewhere from now on
            }
            reply(ex, 200, "{\"items\": " + items(offset, Math.min(10, offset + limit)) + "}", Map.of());
        });
        server.createContext("/cursor", ex -> {
            int from = Integer.parseInt(param(ex, "cursor", "0"));
            int to = Math.min(10, from + 4);
            reply(ex, 200, "{\"next\": " + (to < 10 ? "\"" + to + "\"" : "null") + ", \"meta\": {\"items\": [1]}, \"items\": " + items(from, to) + "}", Map.of());
        });
        server.createContext("/link", ex -> {
            int page = Integer.parseInt(param(ex, "p", "0"));
            Map<String, String> headers = page < 2 ? Map.of("Link", "</link?p=" + (page + 1) + ">; rel=\"next\"") : Map.of();
            reply(ex, 200, items(page * 4, Math.min(10, page * 4 + 4)), headers);
        });
        server.createContext("/down", ex -> reply(ex, 503, "{}", Map.of()));
        server.createContext("/whoami", ex -> {
            log(requests, ex);
            reply(ex, 200, "[{\"id\": 1}]", Map.of());
        });
        server.createContext("/redirect", ex -> {
            log(requests, ex);
            reply(ex, 302, "", Map.of("Location", param(ex, "to", "/whoami")));
        });
        server.createContext("/hops", ex -> {
            int left = Integer.parseInt(param(ex, "left", "0"));
            if (left == 0) {
                reply(ex, 200, "[{\"id\": 7}]", Map.of());
            } else {
                reply(ex, 307, "", Map.of("Location", "/hops?left=" + (left - 1)));
            }
        });
        server.createContext("/endless", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("[".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 10_000_000; i++) {              // about 150 MB, unless the client hangs up first
                    out.write(("{\"id\": " + i + "},").getBytes(StandardCharsets.UTF_8));
                }
                out.write("{}]".getBytes(StandardCharsets.UTF_8));
            } catch (IOException hungUp) {
                // the client stopped reading: what this test wants
            }
        });
        server.createContext("/huge-record", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("[{\"id\": 1}, {\"id\": 2, \"notes\": \"".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 300; i++) {                     // a 19 MB string: within Jackson's limits
                    out.write(chunk);
                }
                out.write("\"}]".getBytes(StandardCharsets.UTF_8));
            } catch (IOException hungUp) {
                // the client stopped reading
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.setExecutor(threads);
        other.createContext("/", ex -> {
            log(otherRequests, ex);
            reply(ex, 200, "[{\"id\": 2}]", Map.of());
        });
        other.start();
        otherBase = "http://127.0.0.1:" + other.getAddress().getPort();
        strictClient = new PullClient(new ObjectMapper(), Duration.ofMillis(10), strict, 1L << 30,
                ProxySelector.of(new InetSocketAddress("127.0.0.1", server.getAddress().getPort())));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        other.stop(0);
        threads.shutdownNow();
    }

    @Test
    void followsOffsetCursorAndLinkPagination() throws Exception {
        assertThat(ids(fetch(client, config(base + "/offset", new PullConfig.Pagination("offset", "offset", "limit", 4, null), "/items"), Map.of())))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // the cursor comes before the records, next to an array that is not them
        assertThat(ids(fetch(client, config(base + "/cursor", new PullConfig.Pagination("cursor", "cursor", null, null, "/next"), "/items"), Map.of())))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ids(fetch(client, config(base + "/link", new PullConfig.Pagination("link", null, null, null, null), ""), Map.of())))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void givesUpOnAnEndpointThatStaysDownAndNamesIt() {
        assertThatThrownBy(() -> fetch(client, config(base + "/down", null, ""), Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("answered 503 5 times");
        assertThatThrownBy(() -> fetch(client, config(base + "/offset", null, "/nothing"), Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("no array of records at /nothing");
    }

    @Test
    void keepsTheLaterCursorNumericallyOrByText() {
        assertThat(PullService.later("9", "10")).isEqualTo("10");
        assertThat(PullService.later("2025-01-09T10:00:00Z", "2025-01-10T09:00:00Z")).isEqualTo("2025-01-10T09:00:00Z");
        assertThat(PullService.later(null, "5")).isEqualTo("5");
        assertThat(PullService.later("5", "")).isEqualTo("5");
    }

    @Test
    void sendsNoCredentialsOnARedirectToAnotherHost() throws Exception {
        Map<String, String> secrets = Map.of("Authorization", "Bearer s3cret-token", "X-Api-Key", "k3y");
        assertThat(ids(fetch(client, config(base + "/redirect?to=" + encode(otherBase + "/deals"), null, ""), secrets))).containsExactly(2);
        assertThat(requests).singleElement().asString().contains("auth=Bearer s3cret-token key=k3y");
        assertThat(otherRequests).singleElement().asString().contains("/deals").contains("auth=null key=null");

        // the same server under another name is another origin too; the same origin keeps them
        requests.clear();
        String sameServerOtherName = "http://localhost:" + server.getAddress().getPort() + "/whoami";
        fetch(client, config(base + "/redirect?to=" + encode(sameServerOtherName), null, ""), secrets);
        assertThat(requests).hasSize(2).last().asString().contains("auth=null key=null");
        requests.clear();
        fetch(client, config(base + "/redirect?to=" + encode("/whoami"), null, ""), secrets);
        assertThat(requests).hasSize(2).allSatisfy(r -> assertThat(r).contains("auth=Bearer s3cret-token key=k3y"));
    }

    @Test
    void followsAtMostFiveRedirects() throws Exception {
        assertThat(ids(fetch(client, config(base + "/hops?left=5", null, ""), Map.of()))).containsExactly(7);
        assertThatThrownBy(() -> fetch(client, config(base + "/hops?left=6", null, ""), Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("redirected more than 5 times");
    }

    @Test
    void refusesARedirectToEachLocalOrPrivateAddressWithoutTheAllowance() throws Exception {
        int port = other.getAddress().getPort();
        PullConfig config = config("http://" + PUBLIC + "/whoami", null, "", strict);
        assertThat(ids(fetch(strictClient, config, Map.of()))).containsExactly(1);   // the way in works
        Map<String, OutboundPolicy.Rule> targets = Map.ofEntries(
                Map.entry(otherBase + "/deals", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://127.1:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://0x7f000001:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://2130706433:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://0177.0.0.1:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://localhost:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://[::1]:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://[::ffff:127.0.0.1]:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://rebind.example.test:" + port + "/", OutboundPolicy.Rule.LOOPBACK),
                Map.entry("http://0.0.0.0:" + port + "/", OutboundPolicy.Rule.UNSPECIFIED),
                Map.entry("http://169.254.169.254/latest/meta-data/", OutboundPolicy.Rule.METADATA),
                Map.entry("http://10.0.0.1/", OutboundPolicy.Rule.PRIVATE),
                Map.entry("http://172.16.0.1/", OutboundPolicy.Rule.PRIVATE),
                Map.entry("http://192.168.0.1/", OutboundPolicy.Rule.PRIVATE),
                Map.entry("http://100.64.0.1/", OutboundPolicy.Rule.SHARED),
                Map.entry("http://[fc00::1]/", OutboundPolicy.Rule.UNIQUE_LOCAL),
                Map.entry("http://[fe80::1]/", OutboundPolicy.Rule.LINK_LOCAL),
                Map.entry("http://224.0.0.1/", OutboundPolicy.Rule.MULTICAST),
                Map.entry("file:///etc/passwd", OutboundPolicy.Rule.SCHEME));
        requests.clear();
        targets.forEach((target, rule) -> assertThatThrownBy(
                () -> fetch(strictClient, config("http://" + PUBLIC + "/redirect?to=" + encode(target), null, "", strict), Map.of()))
                .as(target).isInstanceOf(PullClient.PullFailed.class)
                .hasMessageContaining("redirected to " + target + ", which Phare may not call").hasMessageContaining(rule.phrase()));
        // every redirect was refused before a connection: only the first hops went out, through the proxy
        assertThat(requests).hasSize(targets.size()).allSatisfy(r -> assertThat(r).startsWith("http://" + PUBLIC + "/redirect"));
        assertThat(otherRequests).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToLoopbackAfterTheSourceWasCreated() throws Exception {
        PullConfig config = config("http://" + PUBLIC + "/whoami", null, "", strict);   // accepted at creation
        dns.put(PUBLIC, "127.0.0.1");
        assertThatThrownBy(() -> fetch(strictClient, config, Map.of()))
                .isInstanceOf(PullClient.PullFailed.class)
                .hasMessage("GET http://" + PUBLIC + "/whoami, which Phare may not call: " + PUBLIC + " resolves to 127.0.0.1, a loopback "
                        + "address of this server: Phare does not call private addresses (set PHARE_OUTBOUND_ALLOW_PRIVATE=true on premises)");
        assertThat(requests).isEmpty();
    }

    @Test
    void checksTheAddressAgainBeforeEveryPage() {
        // the first page makes the name resolve to loopback: the second page is refused
        PullConfig config = config("http://" + PUBLIC + "/offset", new PullConfig.Pagination("offset", "offset", "limit", 4, null), "/items", strict);
        assertThatThrownBy(() -> fetch(strictClient, config, Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("offset=4").hasMessageContaining("resolves to 127.0.0.1");
        assertThat(requests).hasSize(1);
    }

    @Test
    void refusesLoopbackAtConnectionTimeOnceTheAllowanceIsOff() {
        PullConfig config = config(base + "/whoami", null, "");      // created while the allowance was on
        PullClient now = new PullClient(new ObjectMapper(), Duration.ofMillis(10), strict, 1L << 30);
        assertThatThrownBy(() -> fetch(now, config, Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("the address 127.0.0.1 is a loopback address of this server");
        assertThat(requests).isEmpty();
    }

    @Test
    @Timeout(30)
    void failsAPullWhoseAnswersPassTheCapWhileStreamingItsRecords() {
        PullClient capped = new PullClient(new ObjectMapper(), Duration.ofMillis(10), onPremises, 64 * 1024);
        List<JsonNode> got = new ArrayList<>();
        assertThatThrownBy(() -> capped.fetch(config(base + "/endless", null, ""), Map.of(), null, got::add))
                .isInstanceOf(PullClient.PullFailed.class)
                .hasMessageStartingWith("the API's answers came to more than 64 KB, the most one pull may receive (PHARE_PULL_MAX_BYTES)");
        assertThat(got).hasSizeBetween(1000, 6000);       // the records went on as they came, and reading stopped at the cap

        // the cap holds for all pages together
        PullClient tiny = new PullClient(new ObjectMapper(), Duration.ofMillis(10), onPremises, 100);
        assertThatThrownBy(() -> fetch(tiny, config(base + "/offset", new PullConfig.Pagination("offset", "offset", "limit", 4, null), "/items"), Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("more than 100 bytes");
        assertThat(requests).hasSize(2);
    }

    @Test
    @Timeout(30)
    void refusesARecordLargerThanSixteenMegabytes() {
        assertThatThrownBy(() -> fetch(client, config(base + "/huge-record", null, ""), Map.of()))
                .isInstanceOf(PullClient.PullFailed.class).hasMessageContaining("one record of the answer is larger than 16 MB");
    }

    private List<JsonNode> fetch(PullClient c, PullConfig config, Map<String, String> headers) throws Exception {
        List<JsonNode> got = new ArrayList<>();
        c.fetch(config, headers, null, got::add);
        return got;
    }

    private PullConfig config(String url, PullConfig.Pagination pagination, String records) {
        return config(url, pagination, records, onPremises);
    }

    private static PullConfig config(String url, PullConfig.Pagination pagination, String records, OutboundPolicy policy) {
        return new PullConfig(url, Map.of(), pagination, records, null, null).validate(policy);
    }

    private static void log(List<String> log, HttpExchange ex) {
        log.add(ex.getRequestURI() + " auth=" + ex.getRequestHeaders().getFirst("Authorization")
                + " key=" + ex.getRequestHeaders().getFirst("X-Api-Key"));
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

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(HttpExchange ex, String name, String fallback) {
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            for (String p : query.split("&")) {
                if (p.startsWith(name + "=")) {
                    return URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return fallback;
    }

    private static void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}
