package app.phare.live;

import app.phare.tenant.CurrentUser;
import app.phare.token.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Events in, for machine clients with an {@code events:write} token. 202 means the accepted events are committed;
 * a repeated eventId is a duplicate, so a client may retry a batch it is unsure about.
 */
@Path("/api/events")
@RolesAllowed(Scope.EVENTS_WRITE)
public class EventResource {

    @Inject
    LiveService live;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    /** The body is read as text so that one that is not JSON gets a clear 400, whatever its content type. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(String body) {
        JsonNode tree = app.phare.common.JsonBody.parse(json, body);
        return Response.accepted(live.ingest(user.tenant(), tree)).build();
    }
}
