package app.phare.live;

import app.phare.common.Limits;
import app.phare.common.QueryParams;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import app.phare.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.List;

/** JSON API of the live figures: a day's tiles, recent activity, abandoned carts, reconciliations, settings, a stream. */
@Path("/api/live")
public class LiveResource {

    @Inject
    LiveService live;

    @Inject
    Reconciliation reconciliation;

    @Inject
    LiveSettingsService settings;

    @Inject
    LivePush push;

    @Inject
    CurrentUser user;

    @GET
    @Path("/today")
    public LiveFigures today() {
        Tenant t = user.tenant();
        return live.figures(t, LocalDate.now(t.zone()));
    }

    @GET
    @Path("/days/{day}")
    public LiveFigures day(@PathParam("day") String day) {
        return live.figures(user.tenant(), QueryParams.date("day", day));
    }

    @GET
    @Path("/activity")
    public List<Activity> activity(@RestQuery Integer limit) {
        return live.recent(user.tenant().id, Limits.of(limit, "limit", 30, LiveCounters.RECENT));
    }

    @GET
    @Path("/carts")
    public List<AbandonedCart> carts(@RestQuery Integer limit) {
        return live.abandoned(user.tenant().id, Limits.of(limit, "limit", 50, 500));
    }

    @GET
    @Path("/reconciliations")
    public List<Reconciliation.Day> reconciliations(@RestQuery Integer limit) {
        return reconciliation.latest(Limits.of(limit, "limit", 30, 366));
    }

    @GET
    @Path("/settings")
    public LiveSettingsService.LiveSettings settings() {
        return settings.get(user.tenant().id);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(AppUser.ADMIN)
    public LiveSettingsService.LiveSettings change(LiveSettingsService.Change change) {
        return settings.change(user.tenant().id, change, user.email());
    }

    /** Today's figures and new activity as they happen (event "live", JSON), for machine clients and tests. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Tenant t = user.tenant();
        push.subscribe(new LivePush.Client(t.id, sink, sse, false, t.currency, t.javaLocale(), t.zone()), lastEventId);
    }
}
