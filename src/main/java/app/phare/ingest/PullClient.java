package app.phare.ingest;

import app.phare.source.PullConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a pull source's new records, page after page: 429 and 5xx answers are retried with a back-off that honours
 * Retry-After; any other 4xx stops the pull with the status and the start of the answer.
 */
public final class PullClient {

    private static final Logger LOG = Logger.getLogger(PullClient.class);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    static final int MAX_PAGES = 10_000;
    static final int MAX_TRIES = 5;

    /** The pull failed: a client error or an endpoint that stays unavailable. */
    public static final class PullFailed extends Exception {
        public PullFailed(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ObjectMapper json;
    private final Duration firstBackoff;

    public PullClient(ObjectMapper json, Duration firstBackoff) {
        this.json = json;
        this.firstBackoff = firstBackoff;
    }

    /** All records after the cursor (all of them without one), in the order the API gives them. */
    public List<JsonNode> fetch(PullConfig config, Map<String, String> headers, String cursor) throws PullFailed {
        List<JsonNode> records = new ArrayList<>();
        PullConfig.Pagination p = config.pagination();
        String type = p.type();
        String next = url(config.url(), config.incrementalParam(), cursor);
        int page = 1;
        long offset = 0;
        for (int pages = 0; next != null; pages++) {
            if (pages >= MAX_PAGES) {
                throw new PullFailed("more than " + MAX_PAGES + " pages: is the pagination right?");
            }
            String request = next;
            if (type.equals("page")) {
                request = url(url(request, p.param(), Integer.toString(page)), p.sizeParam(), p.size() == null ? null : p.size().toString());
            } else if (type.equals("offset")) {
                request = url(url(request, p.param(), Long.toString(offset)), p.sizeParam(), p.size() == null ? null : p.size().toString());
            }
            String requested = request;
            HttpResponse<String> answer = get(requested, headers);
            JsonNode body;
            try {
                body = json.readTree(answer.body());
            } catch (IOException e) {
                throw new PullFailed("GET " + request + " did not answer JSON: " + e.getMessage());
            }
            JsonNode list = config.recordsPath().isEmpty() ? body : body.at(config.recordsPath());
            if (!list.isArray()) {
                throw new PullFailed("GET " + request + ": no array of records at " + (config.recordsPath().isEmpty() ? "the top" : config.recordsPath()));
            }
            list.forEach(records::add);
            next = switch (type) {
                case "page" -> {
                    page++;
                    yield list.isEmpty() || (p.size() != null && list.size() < p.size()) ? null : next;
                }
                case "offset" -> {
                    offset += list.size();
                    yield list.isEmpty() || (p.size() != null && list.size() < p.size()) ? null : next;
                }
                case "cursor" -> {
                    JsonNode c = body.at(p.nextCursorPath());
                    yield c.isMissingNode() || c.isNull() || c.asText().isEmpty() || list.isEmpty() ? null
                            : url(url(config.url(), config.incrementalParam(), cursor), p.param(), c.asText());
                }
                case "link" -> answer.headers().allValues("Link").stream().map(NEXT_LINK::matcher).filter(Matcher::find)
                        .map(m -> URI.create(requested).resolve(m.group(1)).toString()).findFirst().orElse(null);
                default -> null;
            };
        }
        return records;
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws PullFailed {
        Duration wait = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            headers.forEach(b::header);
            HttpResponse<String> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= MAX_TRIES) {
                    throw new PullFailed("GET " + url + " failed " + attempt + " times: " + e.getMessage());
                }
                pause(wait);
                wait = wait.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullFailed("interrupted while pulling " + url);
            }
            int status = r.statusCode();
            if (status < 300) {
                return r;
            }
            if (status == 429 || status >= 500) {
                if (attempt >= MAX_TRIES) {
                    throw new PullFailed("GET " + url + " answered " + status + " " + attempt + " times; giving up");
                }
                Duration retryAfter = r.headers().firstValue("Retry-After").flatMap(PullClient::seconds).orElse(wait);
                LOG.infof("GET %s answered %d: retrying in %s", url, status, retryAfter);
                pause(retryAfter);
                wait = wait.multipliedBy(2);
                continue;
            }
            String start = r.body() == null ? "" : r.body().substring(0, Math.min(200, r.body().length()));
            throw new PullFailed("GET " + url + " answered " + status + (start.isBlank() ? "" : ": " + start));
        }
    }

    private static java.util.Optional<Duration> seconds(String retryAfter) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.min(300, Long.parseLong(retryAfter.trim()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    /** The URL with a query parameter added (nothing when name or value is null). */
    static String url(String base, String name, String value) {
        if (name == null || value == null) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
