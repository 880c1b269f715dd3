package app.phare.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request body read as text and parsed here, whatever its content type: a body that is not JSON is a clear 400
 * (quoting the parser), an empty one is null for the caller to refuse in its own words.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode parse(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(null, "the body is not JSON: " + e.getOriginalMessage());
        }
    }
}
