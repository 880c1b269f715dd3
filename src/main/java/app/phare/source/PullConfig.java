package app.phare.source;

import app.phare.common.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

    /** Checks the settings, with defaults filled in. */
    public PullConfig validate() {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("pull.url", "'" + url + "' is not a URL");
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
            throw ProblemException.badRequest("pull.url", "pull.url must be an http or https URL, was '" + url + "'");
        }
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

    /** The same settings without the headers' values (what is stored in clear and shown). */
    public PullConfig withoutSecrets() {
        Map<String, String> masked = new java.util.TreeMap<>();
        headers.keySet().forEach(k -> masked.put(k, "••••••"));
        return new PullConfig(url, masked, pagination, recordsPath, incrementalField, incrementalParam);
    }
}
