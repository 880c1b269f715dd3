package app.phare.tenant;

import app.phare.common.ProblemException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/** JSON API for tenants and their users. */
@Path("/api/tenants")
public class TenantResource {

    @Inject
    TenantService service;

    @Inject
    TenantScope scope;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(AppUser.OPERATOR)
    public Response create(@Valid @NotNull TenantRequest request, UriInfo uri) {
        TenantView created = service.create(request);
        return Response.created(URI.create("/api/tenants/" + created.id())).entity(created).build();
    }

    @GET
    public List<TenantView> list() {
        if (identity.hasRole(AppUser.OPERATOR)) {
            return service.all();
        }
        return service.find(scope.requireTenant()).stream().toList();
    }

    @GET
    @Path("/{id}")
    public TenantView get(@PathParam("id") long id) {
        return visible(id);
    }

    @POST
    @Path("/{id}/users")
    @RolesAllowed({AppUser.OPERATOR, AppUser.ADMIN})
    public Response addUser(@PathParam("id") long id, @Valid @NotNull UserRequest request) {
        visible(id);
        if (!identity.hasRole(AppUser.OPERATOR) && !identity.hasRole(AppUser.ADMIN)) {
            throw new ForbiddenException();
        }
        UserView user = service.addUser(id, request, false);
        return Response.created(URI.create("/api/tenants/" + id + "/users")).entity(user).build();
    }

    /** Body of a password reset. */
    public record PasswordRequest(String password) {
    }

    /** An administrator sets a user's new password: that user's sessions end everywhere. */
    @PUT
    @Path("/{id}/users/{userId}/password")
    @RolesAllowed({AppUser.OPERATOR, AppUser.ADMIN})
    public UserView resetPassword(@PathParam("id") long id, @PathParam("userId") long userId, PasswordRequest request) {
        visible(id);
        if (!identity.hasRole(AppUser.OPERATOR) && id != scope.requireTenant()) {
            throw ProblemException.notFound("tenant " + id);
        }
        return service.resetPassword(id, userId, request == null ? null : request.password());
    }

    @GET
    @Path("/{id}/users")
    @RolesAllowed({AppUser.OPERATOR, AppUser.ADMIN})
    public List<UserView> users(@PathParam("id") long id) {
        if (id != scope.requireTenant()) {
            throw ProblemException.notFound("tenant " + id);
        }
        return service.usersOfCurrentTenant();
    }

    /** Operators see every tenant; everyone else only their own, other ids are not found. */
    private TenantView visible(long id) {
        if (identity.hasRole(AppUser.OPERATOR)) {
            return service.all().stream().filter(t -> t.id() == id).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("tenant " + id));
        }
        if (id != scope.requireTenant()) {
            throw ProblemException.notFound("tenant " + id);
        }
        return service.find(id).orElseThrow(() -> ProblemException.notFound("tenant " + id));
    }
}
