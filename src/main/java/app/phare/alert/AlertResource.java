package app.phare.alert;

import app.phare.common.ProblemException;
import app.phare.tenant.CurrentUser;
import jakarta.inject.Inject;
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

/** JSON API of the tenant's alert rules and the alerts they fired. */
@Path("/api/alerts")
public class AlertResource {

    @Inject
    AlertRuleService rules;

    @Inject
    CurrentUser user;

    @GET
    @Path("/rules")
    public List<AlertRule> list() {
        return rules.list();
    }

    @GET
    @Path("/rules/{id}")
    public AlertRule get(@PathParam("id") long id) {
        return rules.get(id).orElseThrow(() -> ProblemException.notFound("alert rule " + id));
    }

    @POST
    @Path("/rules")
    public Response create(AlertRule.Request request) {
        AlertRule r = rules.create(user.tenant().id, user.email(), request);
        return Response.created(URI.create("/api/alerts/rules/" + r.id())).entity(r).build();
    }

    @PUT
    @Path("/rules/{id}")
    public AlertRule update(@PathParam("id") long id, AlertRule.Request request) {
        return rules.update(id, request);
    }

    @DELETE
    @Path("/rules/{id}")
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/fired")
    public List<AlertRuleService.Fired> fired(@QueryParam("rule") Long rule, @QueryParam("limit") Integer limit) {
        return rules.fired(rule, app.phare.common.Limits.of(limit, "limit", 100, 500));
    }
}
