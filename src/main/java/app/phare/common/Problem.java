package app.phare.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, the one error shape of the JSON API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, Long runId) {

    public static Problem of(int status, String title, String detail, String field) {
        return new Problem("https://phare.app/problems/" + slug(title), title, status, detail, field, null);
    }

    /** The same problem naming the run it is about (e.g. the run already under way). */
    public Problem withRunId(Long runId) {
        return new Problem(type, title, status, detail, field, runId);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
