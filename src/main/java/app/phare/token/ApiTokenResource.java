package app.phare.token;

import app.phare.tenant.AppUser;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** JSON API of the tenant's API tokens (admins): create (the secret is in this one answer), list, revoke. */
@Path("/api/tokens")
@RolesAllowed(AppUser.ADMIN)
public class ApiTokenResource {

    /** Body of a token creation; expiresAt (an ISO-8601 instant) is optional. */
    public record TokenRequest(String name, List<String> scopes, Instant expiresAt) {
    }

    @Inject
    ApiTokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<ApiTokenService.View> list() {
        return tokens.list();
    }

    @POST
    public Response create(TokenRequest request) {
        TokenRequest r = request == null ? new TokenRequest(null, null, null) : request;
        ApiTokenService.Created created = tokens.create(r.name(), r.scopes(), identity.getPrincipal().getName(),
                r.expiresAt());
        return Response.created(URI.create("/api/tokens/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    public ApiTokenService.View revoke(@PathParam("id") long id) {
        return tokens.revoke(id, identity.getPrincipal().getName());
    }
}
