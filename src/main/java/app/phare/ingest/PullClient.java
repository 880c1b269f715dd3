package app.phare.ingest;

import app.phare.common.net.OutboundPolicy;
import app.phare.source.PullConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a pull source's new records, page after page, and streams them one by one to the caller: 429 and 5xx answers
 * are retried with a back-off that honours Retry-After; any other 4xx stops the pull with the status and the start of
 * the answer. Every request and every redirect hop must pass the outbound policy; redirects are followed by hand (at
 * most five) and the pull's headers never go to another origin; the answers of a pull may not pass a byte cap.
 */
public final class PullClient {

    private static final Logger LOG = Logger.getLogger(PullClient.class);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    static final int MAX_PAGES = 10_000;
    static final int MAX_TRIES = 5;
    static final int MAX_REDIRECTS = 5;

    /** The pull failed: a client error, a refused address, or an endpoint that stays unavailable. */
    public static final class PullFailed extends Exception {
        public PullFailed(String message) {
            super(message);
        }
    }

    /** The connection broke while an answer was read: the records read so far are incomplete; the run may try again. */
    static final class ConnectionBroke extends IOException {
        ConnectionBroke(String message) {
            super(message);
        }
    }

    /** Takes the records as they are read. */
    @FunctionalInterface
    public interface Records {
        void accept(JsonNode record) throws IOException;
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration firstBackoff;
    private final OutboundPolicy outbound;
    private final long maxBytes;

    public PullClient(ObjectMapper json, Duration firstBackoff, OutboundPolicy outbound, long maxBytes) {
        this(json, firstBackoff, outbound, maxBytes, null);
    }

    /** With a proxy (tests send requests for made-up public names to a local server); null: the system's default. */
    PullClient(ObjectMapper json, Duration firstBackoff, OutboundPolicy outbound, long maxBytes, ProxySelector proxy) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        this.http = (proxy == null ? b : b.proxy(proxy)).build();
        this.json = json;
        this.firstBackoff = firstBackoff;
        this.outbound = outbound;
        this.maxBytes = maxBytes;
    }

    /**
     * Streams all records after the cursor (all of them without one) to the sink, in the order the API gives them;
     * returns how many. An IOException is the sink's or a connection that broke while an answer was read.
     */
    public long fetch(PullConfig config, Map<String, String> headers, String cursor, Records sink) throws PullFailed, IOException {
        PullConfig.Pagination p = config.pagination();
        String type = p.type();
        String next = url(config.url(), config.incrementalParam(), cursor);
        PullAnswers answers = new PullAnswers(json, maxBytes);
        long total = 0;
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
            Answer answer = get(request, headers);
            PullAnswers.Page read = answers.read(answer.response().body(), "GET " + answer.uri(), config, sink);
            total += read.count();
            boolean last = read.count() == 0 || (p.size() != null && read.count() < p.size());
            next = switch (type) {
                case "page" -> {
                    page++;
                    yield last ? null : next;
                }
                case "offset" -> {
                    offset += read.count();
                    yield last ? null : next;
                }
                case "cursor" -> {
                    JsonNode c = read.cursor();
                    yield c == null || c.isNull() || c.asText().isEmpty() || read.count() == 0 ? null
                            : url(url(config.url(), config.incrementalParam(), cursor), p.param(), c.asText());
                }
                case "link" -> nextLink(answer);
                default -> null;
            };
        }
        return total;
    }

    private static String nextLink(Answer answer) throws PullFailed {
        Optional<String> link = answer.response().headers().allValues("Link").stream().map(NEXT_LINK::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst();
        try {
            return link.map(l -> answer.uri().resolve(l).toString()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new PullFailed("GET " + answer.uri() + ": the next page's link '" + link.get() + "' is not a URL");
        }
    }

    private record Answer(HttpResponse<InputStream> response, URI uri) {
    }

    private Answer get(String url, Map<String, String> headers) throws PullFailed {
        Duration wait = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            Answer a;
            try {
                a = follow(URI.create(url), headers);
            } catch (IllegalArgumentException e) {
                throw new PullFailed("'" + url + "' is not a URL that can be called");
            } catch (IOException e) {
                if (attempt >= MAX_TRIES) {
                    throw new PullFailed("GET " + url + " failed " + attempt + " times: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
                pause(wait);
                wait = wait.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullFailed("interrupted while pulling " + url);
            }
            int status = a.response().statusCode();
            if (status < 300) {
                return a;
            }
            String start = start(a.response());
            if (status == 429 || status >= 500) {
                if (attempt >= MAX_TRIES) {
                    throw new PullFailed("GET " + a.uri() + " answered " + status + " " + attempt + " times; giving up");
                }
                Duration retryAfter = a.response().headers().firstValue("Retry-After").flatMap(PullClient::seconds).orElse(wait);
                LOG.infof("GET %s answered %d: retrying in %s", a.uri(), status, retryAfter);
                pause(retryAfter);
                wait = wait.multipliedBy(2);
                continue;
            }
            throw new PullFailed("GET " + a.uri() + " answered " + status + (start.isBlank() ? "" : ": " + start));
        }
    }

    /**
     * Sends the GET and follows redirects by hand: at most five, each hop checked against the outbound policy, and the
     * pull's headers (its credentials) dropped once a hop leaves the first origin.
     */
    private Answer follow(URI first, Map<String, String> headers) throws PullFailed, IOException, InterruptedException {
        URI target = first;
        URI from = null;
        Map<String, String> sent = headers;
        for (int hop = 0; ; hop++) {
            // The policy resolves the host right before the request; the HTTP client resolves it again itself, as the
            // JDK client cannot be handed a checked address. The JVM caches a lookup (30 s by default), so both see the
            // same answer unless the cached entry expires in between: that is the remaining DNS-rebinding window.
            admit(target, from);
            HttpResponse<InputStream> r;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).setHeader("Accept", "application/json");
                sent.forEach(b::setHeader);
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IllegalArgumentException e) {
                throw new PullFailed((from == null ? "" : "GET " + from + " redirected to ") + target + ", which cannot be called: " + e.getMessage());
            }
            Optional<String> location = r.headers().firstValue("Location");
            if (!REDIRECTS.contains(r.statusCode()) || location.isEmpty()) {
                return new Answer(r, target);
            }
            r.body().close();
            if (hop >= MAX_REDIRECTS) {
                throw new PullFailed("GET " + first + " redirected more than " + MAX_REDIRECTS + " times; Phare follows at most " + MAX_REDIRECTS);
            }
            URI next;
            try {
                next = target.resolve(location.get().trim());
            } catch (IllegalArgumentException e) {
                throw new PullFailed("GET " + target + " redirected to '" + location.get() + "', which is not a URL");
            }
            if (!sameOrigin(first, next)) {
                sent = Map.of();
            }
            from = target;
            target = next;
        }
    }

    private void admit(URI target, URI from) throws PullFailed, UnknownHostException {
        try {
            outbound.check(target);
        } catch (OutboundPolicy.Refused e) {
            if (e.rule() == OutboundPolicy.Rule.UNKNOWN_HOST && target.getHost() != null) {
                throw new UnknownHostException(e.getMessage());   // DNS may answer again on the next try
            }
            throw new PullFailed((from == null ? "GET " + target : "GET " + from + " redirected to " + target)
                    + ", which Phare may not call: " + e.getMessage());
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    /** The first 200 bytes of an error answer, as text. */
    private static String start(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return new String(in.readNBytes(200), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Math.min(300, Long.parseLong(retryAfter.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
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
