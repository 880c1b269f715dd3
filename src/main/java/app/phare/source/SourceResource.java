package app.phare.source;

import app.phare.common.ProblemException;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** JSON API for the tenant's sources: create, list, change, pause and resume, archive. */
@Path("/api/sources")
public class SourceResource {

    @Inject
    SourceService service;

    @Inject
    CurrentUser user;

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

    /** The sources in use; with archived=true, the archived ones. */
    @GET
    public List<SourceView> list(@QueryParam("archived") boolean archived) {
        return archived ? service.archived() : service.list();
    }

    @PUT
    @Path("/{id}/freshness")
    @RolesAllowed(AppUser.ADMIN)
    public SourceView thresholds(@PathParam("id") long id, @NotNull SourceRequest.Thresholds thresholds) {
        return service.changeThresholds(id, thresholds);
    }

    @GET
    @Path("/{id}")
    public SourceView get(@PathParam("id") long id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("source " + id));
    }

    /** Changes the source's name, format, mapping and options (the whole source, as POST takes it). */
    @PUT
    @Path("/{id}")
    @RolesAllowed(AppUser.ADMIN)
    public SourceView update(@PathParam("id") long id, @Valid @NotNull SourceRequest request) {
        return service.update(id, request, user.email());
    }

    /** Archives the source: its figures leave the dashboard, its files are kept. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(AppUser.ADMIN)
    public SourceView archive(@PathParam("id") long id) {
        return service.archive(id, user.email());
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(AppUser.ADMIN)
    public SourceView pause(@PathParam("id") long id) {
        return service.setPaused(id, true, user.email());
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(AppUser.ADMIN)
    public SourceView resume(@PathParam("id") long id) {
        return service.setPaused(id, false, user.email());
    }
}
