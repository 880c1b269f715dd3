package app.phare.source;

import app.phare.common.ProblemException;
import app.phare.common.net.OutboundPolicy;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A source that pulls its records from a REST API instead of receiving uploads: the URL, headers (secrets: stored
 * encrypted, never shown again), how pages follow each other (page number, offset, cursor, or the Link header), where
 * the records are in each answer (a JSON pointer), and the field whose largest value is the cursor of the next pull.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullConfig(String url, Map<String, String> headers, Pagination pagination, String recordsPath,
                         String incrementalField, String incrementalParam) {

    /** How to ask for the next page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pagination(String type, String param, String sizeParam, Integer size, String nextCursorPath) {
    }

    static final List<String> TYPES = List.of("none", "page", "offset", "cursor", "link");
    /** Headers Phare sets itself (or that would break the request): a user may not give them. */
    static final Set<String> PHARE_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");
    static final int MAX_HEADERS = 20;
    static final int MAX_HEADER_VALUE = 8192;

    /** Checks the settings, with defaults filled in; the URL must pass the outbound policy. */
    public PullConfig validate(OutboundPolicy outbound) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("pull.url", "'" + url + "' is not a URL");
        }
        try {
            outbound.check(uri);
        } catch (OutboundPolicy.Refused e) {
            throw ProblemException.badRequest("pull.url", "pull.url cannot be called: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw ProblemException.badRequest("pull.url", "pull.url must be an http or https URL, was '" + url + "'");
        }
        validateHeaders(uri);
        Pagination p = pagination == null ? new Pagination("none", null, null, null, null) : pagination;
        String type = p.type() == null ? "none" : p.type();
        if (!TYPES.contains(type)) {
            throw ProblemException.badRequest("pull.pagination.type", "pagination type must be one of " + TYPES + ", was '" + type + "'");
        }
        if (type.equals("cursor") && (p.nextCursorPath() == null || !p.nextCursorPath().startsWith("/"))) {
            throw ProblemException.badRequest("pull.pagination.nextCursorPath",
                    "cursor pagination needs nextCursorPath, the JSON pointer of the next cursor in each answer (e.g. /next)");
        }
        if (p.size() != null && (p.size() < 1 || p.size() > 10_000)) {
            throw ProblemException.badRequest("pull.pagination.size", "pagination size must be between 1 and 10000");
        }
        String records = recordsPath == null ? "" : recordsPath.trim();
        if (!records.isEmpty() && !records.startsWith("/")) {
            throw ProblemException.badRequest("pull.recordsPath", "recordsPath is a JSON pointer such as /data, was '" + recordsPath + "'");
        }
        String defaultParam = switch (type) {
            case "page" -> "page";
            case "offset" -> "offset";
            case "cursor" -> "cursor";
            default -> null;
        };
        return new PullConfig(uri.toString(), headers == null ? Map.of() : Map.copyOf(headers),
                new Pagination(type, p.param() == null ? defaultParam : p.param(), p.sizeParam(), p.size(), p.nextCursorPath()),
                records, incrementalField, incrementalField == null ? null : (incrementalParam == null ? "since" : incrementalParam));
    }

    private void validateHeaders(URI uri) {
        if (headers == null) {
            return;
        }
        if (headers.size() > MAX_HEADERS) {
            throw ProblemException.badRequest("pull.headers", "at most " + MAX_HEADERS + " headers can be sent, there are " + headers.size());
        }
        HttpRequest.Builder probe = HttpRequest.newBuilder(uri);
        headers.forEach((name, value) -> {
            String field = "pull.headers." + name;
            if (name == null || name.isBlank()) {
                throw ProblemException.badRequest("pull.headers", "a header has no name");
            }
            if (value == null) {
                throw ProblemException.badRequest(field, "the header " + name + " has no value");
            }
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw ProblemException.badRequest(field, "the header " + name.strip() + " contains a line break: a header is one line");
            }
            if (PHARE_HEADERS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest(field, "the header " + name + " is set by Phare itself: remove it from the pull's headers");
            }
            if (value.length() > MAX_HEADER_VALUE) {
                throw ProblemException.badRequest(field, "the header " + name + " is longer than " + MAX_HEADER_VALUE + " characters");
            }
            try {
                probe.header(name, value);                 // what the HTTP client would refuse when the pull runs
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(field, "the header '" + name + "' cannot be sent: its name may hold only "
                        + "letters, digits and - _ . ! # $ % & ' * + ^ ` | ~, and its value only visible characters");
            }
        });
    }

    /** The same settings without the headers' values (what is stored in clear and shown). */
    public PullConfig withoutSecrets() {
        Map<String, String> masked = new java.util.TreeMap<>();
        headers.keySet().forEach(k -> masked.put(k, "••••••"));
        return new PullConfig(url, masked, pagination, recordsPath, incrementalField, incrementalParam);
    }
}
