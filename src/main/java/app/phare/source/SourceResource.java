package app.phare.source;

import app.phare.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** JSON API for the tenant's sources. */
@Path("/api/sources")
public class SourceResource {

    @Inject
    SourceService service;

    @POST
    public Response create(@Valid @NotNull SourceRequest request) {
        SourceView created = service.create(request);
        return Response.created(URI.create("/api/sources/" + created.id())).entity(created).build();
    }

    @GET
    public List<SourceView> list() {
        return service.list();
    }

    @PUT
    @Path("/{id}/freshness")
    @jakarta.annotation.security.RolesAllowed(app.phare.tenant.AppUser.ADMIN)
    public SourceView thresholds(@PathParam("id") long id, @NotNull SourceRequest.Thresholds thresholds) {
        return service.changeThresholds(id, thresholds);
    }

    @GET
    @Path("/{id}")
    public SourceView get(@PathParam("id") long id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("source " + id));
    }
}
