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

    @Inject
    NotificationPush push;

    @Inject
    NotificationPreferences preferences;

    @Inject
    app.phare.tenant.UserDirectory users;

    @Inject
    app.phare.tenant.CurrentUser user;

    /** New notifications as they come (event "notification", JSON {id, kind, title, link}). */
    @GET
    @Path("/stream")
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS)
    public void stream(@jakarta.ws.rs.core.Context jakarta.ws.rs.sse.SseEventSink sink,
                       @jakarta.ws.rs.core.Context jakarta.ws.rs.sse.Sse sse) {
        push.subscribe(userId(), sink, sse, false);
    }

    @GET
    @Path("/preferences")
    public List<NotificationPreferences.Preference> preferences() {
        return preferences.list(userId());
    }

    @jakarta.ws.rs.PUT
    @Path("/preferences")
    public List<NotificationPreferences.Preference> savePreferences(List<NotificationPreferences.Preference> choices) {
        if (choices == null) {
            throw app.phare.common.ProblemException.badRequest(null, "send [{kind, inApp, email}]");
        }
        return preferences.save(user.tenant().id, userId(), choices);
    }

    private long userId() {
        return users.findByEmail(identity.getPrincipal().getName()).orElseThrow().id;
    }

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
