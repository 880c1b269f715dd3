package app.phare.ingest;

import app.phare.testing.Api;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull source against a local HTTP server: three pages, a 429 with Retry-After honoured, secrets never shown; the
 * next run asks only for what is new since the saved cursor and fetches the one new record; a 403 stops with the reason.
 * Only admins create pull sources, and the address and headers are checked at creation and when the pull runs.
 */
@QuarkusTest
class PullSourceTest {

    private HttpServer server;
    private final List<Map<String, String>> deals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooMany = new AtomicInteger(1);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void pullsPageByPageThenOnlyWhatIsNewAndRetries429() throws Exception {
        for (int i = 1; i <= 7; i++) {
            deals.add(deal("D" + i, "2025-01-0" + i + "T10:00:00Z", 100 * i));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/deals", exchange -> {
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            requests.add(query + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body;
            int status = 200;
            if (tooMany.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                status = 429;
                body = "{\"error\": \"slow down\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                Map<String, String> q = params(query);
                int page = Integer.parseInt(q.getOrDefault("page", "1"));
                int size = Integer.parseInt(q.getOrDefault("size", "100"));
                String since = q.get("since");
                List<Map<String, String>> newer = deals.stream().filter(d -> since == null || d.get("updated_at").compareTo(since) > 0).toList();
                List<Map<String, String>> slice = newer.subList(Math.min(newer.size(), (page - 1) * size), Math.min(newer.size(), page * size));
                StringBuilder json = new StringBuilder("{\"data\": [");
                for (int i = 0; i < slice.size(); i++) {
                    Map<String, String> d = slice.get(i);
                    json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(d.get("id")).append("\", \"stage\": \"Won\", \"owner\": {\"name\": \"Ana\"}, \"closed\": \"2025-01-20\", \"value\": ")
                            .append(d.get("value")).append(", \"updated_at\": \"").append(d.get("updated_at")).append("\"}");
                }
                body = json.append("], \"page\": ").append(page).append("}").toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/forbidden", exchange -> {
            byte[] body = "{\"error\": \"token revoked\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        Api.TestTenant t = Api.aTenant();
        Map<String, Object> mapping = Map.of("dealId", "id", "stage", "stage", "owner", "/owner/name", "closedOn", "closed", "value", "value");
        Map<String, Object> pull = Map.of("url", base + "/deals", "headers", Map.of("Authorization", "Bearer s3cret-token"),
                "pagination", Map.of("type", "page", "sizeParam", "size", "size", 3), "recordsPath", "/data",
                "incrementalField", "updated_at");
        long source = t.asAdmin().body(Map.of("name", "CRM API", "kind", "crm_deals", "mapping", mapping, "pull", pull))
                .post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        String shown = t.asAdmin().get("/api/sources/" + source).then().statusCode(200).extract().asString();
        assertThat(shown).doesNotContain("s3cret-token").contains("Authorization");

        long first = Api.runNightly(t);
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0)).contains("page=1");           // answered 429, retried after a second
        assertThat(requests.subList(1, 4)).allMatch(r -> r.contains("auth=Bearer s3cret-token"));
        assertThat(requests.subList(1, 4)).extracting(r -> r.replaceAll(".*page=(\\d+).*", "$1")).containsExactly("1", "2", "3");
        assertThat(t.asAdmin().get("/api/runs/" + first).then().extract().jsonPath().getInt("steps[0].rowsRead")).isEqualTo(7);
        assertThat(t.asManager().get("/api/metrics/pipeline?from=2025-01-01&to=2025-01-31").then().extract().jsonPath()
                .getDouble("rows[0].wonValue")).isEqualTo(2800.0);

        // one new record: the next run asks from the cursor on and gets just that one
        deals.add(deal("D8", "2025-01-09T10:00:00Z", 1000));
        requests.clear();
        long second = Api.runNightly(t);
        assertThat(requests).isNotEmpty().allMatch(r -> r.contains("since=2025-01-07T10%3A00%3A00Z"));
        assertThat(t.asAdmin().get("/api/runs/" + second).then().extract().jsonPath().getInt("steps[0].rowsRead")).isEqualTo(1);
        assertThat(t.asManager().get("/api/metrics/pipeline?from=2025-01-01&to=2025-01-31").then().extract().jsonPath()
                .getDouble("rows[0].wonValue")).isEqualTo(3800.0);
        // and nothing new: nothing fetched, nothing loaded
        requests.clear();
        long third = Api.runNightly(t);
        assertThat(requests).hasSize(1);
        assertThat(t.asAdmin().get("/api/runs/" + third).then().extract().jsonPath().getInt("steps[0].rowsRead")).isZero();

        // a client error fails that source's pull with its reason, without retrying; the run itself goes on
        Api.TestTenant other = Api.aTenant();
        long revoked = other.asAdmin().body(Map.of("name", "Revoked", "kind", "crm_deals", "mapping", mapping,
                "pull", Map.of("url", base + "/forbidden", "recordsPath", "/data"))).post("/api/sources").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long failed = Api.runNightly(other, "succeeded");
        assertThat(other.asAdmin().get("/api/sources/" + revoked + "/files").then().extract().jsonPath().getString("[0].error"))
                .contains("pulling source 'Revoked'").contains("answered 403").contains("token revoked");
        assertThat(other.asAdmin().get("/api/runs/" + failed).then().extract().jsonPath().getList("files.status")).containsExactly("failed");
        assertThat(other.asAdmin().get("/api/runs/" + failed).then().extract().jsonPath().getList("attempts")).hasSize(1);

        assertThat(t.asAdmin().body(Map.of("name", "Bad", "kind", "crm_deals", "mapping", mapping, "pull", Map.of("url", "ftp://x")))
                .post("/api/sources").then().statusCode(400).extract().path("field").toString()).isEqualTo("pull.url");
    }

    @Test
    void onlyAdminsCreatePullSourcesWhoseAddressAndHeadersPassAtCreation() {
        Api.TestTenant t = Api.aTenant();
        Map<String, Object> mapping = Map.of("dealId", "id", "stage", "stage", "closedOn", "closed", "value", "value");
        Map<String, Object> pull = Map.of("url", "https://93.184.215.14/deals", "recordsPath", "/data");
        assertThat(t.asManager().body(Map.of("name", "CRM API", "kind", "crm_deals", "mapping", mapping, "pull", pull))
                .post("/api/sources").then().statusCode(403).extract().path("detail").toString())
                .startsWith("only an admin can create or change a pull source");
        t.asManager().body(Map.of("name", "CRM export", "kind", "crm_deals", "mapping", mapping)).post("/api/sources").then().statusCode(201);

        // the tests allow private addresses (their fake APIs are on loopback); these stay refused even so
        Map<String, String> refused = Map.of("http://169.254.169.254/latest/meta-data/", "a cloud metadata address",
                "http://[fe80::1]/", "a link-local address", "http://224.0.0.1/", "a multicast address",
                "http://0.0.0.0:8080/", "the unspecified address, which reaches this server", "gopher://example.com/", "not an http or https address");
        refused.forEach((url, rule) -> {
            var problem = t.asAdmin().body(Map.of("name", "Bad", "kind", "crm_deals", "mapping", mapping, "pull", Map.of("url", url)))
                    .post("/api/sources").then().statusCode(400).extract().jsonPath();
            assertThat(problem.getString("field")).as(url).isEqualTo("pull.url");
            assertThat(problem.getString("detail")).as(url).startsWith("pull.url cannot be called: ").contains(rule);
        });
        var host = t.asAdmin().body(Map.of("name", "Bad", "kind", "crm_deals", "mapping", mapping,
                "pull", Map.of("url", "https://93.184.215.14/deals", "headers", Map.of("Host", "127.0.0.1")))).post("/api/sources")
                .then().statusCode(400).extract().jsonPath();
        assertThat(host.getString("field")).isEqualTo("pull.headers.Host");
        assertThat(t.asAdmin().body(Map.of("name", "Bad", "kind", "crm_deals", "mapping", mapping,
                        "pull", Map.of("url", "https://93.184.215.14/deals", "headers", Map.of("X-Api-Key", "k\r\nX-Admin: 1"))))
                .post("/api/sources").then().statusCode(400).extract().path("detail").toString()).contains("contains a line break");
    }

    @Test
    void aPullRedirectedToTheMetadataAddressFailsWithTheReason() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/iam/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        Api.TestTenant t = Api.aTenant();
        long moved = t.asAdmin().body(Map.of("name", "Moved", "kind", "crm_deals", "mapping", Map.of("dealId", "id", "stage", "stage", "closedOn", "closed"),
                "pull", Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/moved"))).post("/api/sources").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // the source's pull fails alone, with its reason; the run itself goes on
        long failed = Api.runNightly(t, "succeeded");
        String error = t.asAdmin().get("/api/sources/" + moved + "/files").then().extract().jsonPath().getString("[0].error");
        assertThat(t.asAdmin().get("/api/runs/" + failed).then().extract().jsonPath().getList("files.status")).containsExactly("failed");
        assertThat(error).contains("pulling source 'Moved'").contains("redirected to http://169.254.169.254/latest/meta-data/iam/")
                .contains("a cloud metadata address").doesNotContain("test-data");
        assertThat(t.asAdmin().get("/api/runs/" + failed).then().extract().jsonPath().getList("attempts")).hasSize(1);
    }

    private static Map<String, String> deal(String id, String updatedAt, int value) {
        return Map.of("id", id, "updated_at", updatedAt, "value", Integer.toString(value));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> m = new HashMap<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }
}
