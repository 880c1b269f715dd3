package app.phare.notify;

import app.phare.common.Limits;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;

/** JSON API of the logged-in user's notifications. */
@Path("/api/notifications")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    SecurityIdentity identity;

    @GET
    public Map<String, Object> list(@RestQuery Integer limit) {
        String email = identity.getPrincipal().getName();
        List<NotificationService.View> items = notifications.latest(email, Limits.of(limit, "limit", 50, 500));
        return Map.of("unread", notifications.unread(email), "notifications", items);
    }

    @POST
    @Path("/{id}/read")
    public NotificationService.View read(@PathParam("id") long id) {
        return notifications.markRead(identity.getPrincipal().getName(), id);
    }

    @POST
    @Path("/read-all")
    public Map<String, Long> readAll() {
        return Map.of("marked", notifications.markAllRead(identity.getPrincipal().getName()));
    }
}
