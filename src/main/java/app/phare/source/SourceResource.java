package app.phare.source;

import app.phare.common.ProblemException;
import app.phare.tenant.AppUser;
import io.quarkus.security.identity.SecurityIdentity;
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

    @Inject
    SecurityIdentity identity;

    @POST
    public Response create(@Valid @NotNull SourceRequest request) {
        if (request.pull() != null && !identity.hasRole(AppUser.ADMIN)) {
            throw new ProblemException(403, "Forbidden", "only an admin can create or change a pull source: it calls an "
                    + "outside address with stored credentials. Ask an admin of your organisation, or upload the export instead", "pull");
        }
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
