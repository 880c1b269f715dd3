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
        static native TemplateInstance notifications(PageContext page, List<NotificationService.View> items, long unread, ZoneId zone);

        static native TemplateInstance list(PageContext page, List<NotificationService.View> items, long unread, ZoneId zone,
                                           boolean oob);

        static native TemplateInstance bell(long unread);
    }

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        return Templates.notifications(user.page("notifications", headers), notifications.latest(user.email(), 100),
                notifications.unread(user.email()), user.tenant().zone());
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
