package app.phare.live;

import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.common.QueryParams;
import app.phare.tenant.CurrentUser;
import app.phare.tenant.Tenant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.LocalDate;

/**
 * The Live page: today's tiles, recent activity and abandoned carts, updated in place over Server-Sent Events
 * (/live/stream, rendered by the same fragments); any other day shows its figures, live or from the nightly run.
 */
@Path("/live")
public class LivePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance live(PageContext page, LiveView view);

        static native TemplateInstance live$tiles(LiveView view);

        static native TemplateInstance live$activity(LiveView view);

        static native TemplateInstance live$carts(LiveView view);
    }

    @Inject
    LiveService live;

    @Inject
    CurrentUser user;

    @Inject
    LivePush push;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("day") String day, @Context HttpHeaders headers) {
        Tenant t = user.tenant();
        LocalDate today = LocalDate.now(t.zone());
        LocalDate shown = day == null || day.isBlank() ? today : QueryParams.date("day", day);
        if (shown.isAfter(today)) {
            throw ProblemException.badRequest("day", "day " + shown + " is in the future");
        }
        return Templates.live(user.page("live", headers), view(t, shown, today));
    }

    /** Today's tiles alone, for the dashboard's Today strip. */
    @GET
    @Path("/tiles")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance tiles() {
        Tenant t = user.tenant();
        LocalDate today = LocalDate.now(t.zone());
        return Templates.live$tiles(view(t, today, today));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Tenant t = user.tenant();
        push.subscribe(new LivePush.Client(t.id, sink, sse, true, t.currency, t.javaLocale(), t.zone()), lastEventId);
    }

    private LiveView view(Tenant t, LocalDate shown, LocalDate today) {
        return new LiveView(live.figures(t, shown), live.recent(t.id, 30), live.abandoned(t.id, 20), t.currency,
                t.javaLocale(), t.zone(), shown.equals(today), shown);
    }
}
