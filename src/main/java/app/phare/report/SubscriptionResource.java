package app.phare.report;

import app.phare.tenant.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** JSON API of the logged-in user's report subscriptions. */
@Path("/api/subscriptions")
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    CurrentUser user;

    @GET
    public List<Subscription> list() {
        return subscriptions.mine(user.email());
    }

    @POST
    public Response create(SubscriptionService.Request request) {
        Subscription s = subscriptions.create(user.tenant().id, user.email(), request);
        return Response.created(URI.create("/api/subscriptions/" + s.id())).entity(s).build();
    }

    @PUT
    @Path("/{id}")
    public Subscription update(@PathParam("id") long id, SubscriptionService.Request request) {
        return subscriptions.update(user.email(), id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        subscriptions.delete(user.email(), id);
        return Response.noContent().build();
    }
}
