package app.phare.notify;

import app.phare.common.PageContext;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.ZoneId;
import java.util.List;

/** The notification centre: the bell in every page's header (with the unread count) and the list behind it. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(PageContext page, List<NotificationService.View> items, long unread, ZoneId zone,
                                                     List<NotificationPreferences.Preference> preferences);

        static native TemplateInstance list(PageContext page, List<NotificationService.View> items, long unread, ZoneId zone,
                                           boolean oob);

        static native TemplateInstance bell(long unread);

        static native TemplateInstance toast(NotificationService.View n);

        static native TemplateInstance preferences(List<NotificationPreferences.Preference> preferences, boolean saved);
    }

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        return Templates.notifications(user.page("notifications", headers), notifications.latest(user.email(), 100),
                notifications.unread(user.email()), user.tenant().zone(), preferences.list(userId()));
    }

    @Inject
    NotificationPush push;

    @Inject
    NotificationPreferences preferences;

    @Inject
    app.phare.tenant.UserDirectory users;

    /** New notifications of the logged-in user as they come (event "notification", a toast as HTML). */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context jakarta.ws.rs.sse.SseEventSink sink, @Context jakarta.ws.rs.sse.Sse sse) {
        push.subscribe(userId(), sink, sse, true);
    }

    /** The user's choices: in the app, by e-mail too. */
    @POST
    @Path("/preferences")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance savePreferences(@org.jboss.resteasy.reactive.RestForm List<String> inApp,
                                            @org.jboss.resteasy.reactive.RestForm List<String> email,
                                            @Context HttpHeaders headers) {
        List<NotificationPreferences.Preference> choices = NotificationPreferences.KINDS.keySet().stream()
                .map(k -> new NotificationPreferences.Preference(k, null, inApp != null && inApp.contains(k),
                        email != null && email.contains(k))).toList();
        preferences.save(user.tenant().id, userId(), choices);
        return Templates.preferences(preferences.list(userId()), true);
    }

    long userId() {
        return users.findByEmail(user.email()).orElseThrow().id;
    }

    @GET
    @Path("/bell")
    public TemplateInstance bell() {
        return Templates.bell(notifications.unread(user.email()));
    }

    @POST
    @Path("/{id}/read")
    public TemplateInstance read(@PathParam("id") long id, @Context HttpHeaders headers) {
        notifications.markRead(user.email(), id);
        return list(headers);
    }

    @POST
    @Path("/read-all")
    public TemplateInstance readAll(@Context HttpHeaders headers) {
        notifications.markAllRead(user.email());
        return list(headers);
    }

    private TemplateInstance list(HttpHeaders headers) {
        return Templates.list(user.page("notifications", headers), notifications.latest(user.email(), 100),
                notifications.unread(user.email()), user.tenant().zone(), true);
    }
}
