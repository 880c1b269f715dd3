package app.phare.alert;

import app.phare.common.FormValues;
import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.insight.Kpi;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import app.phare.tenant.UserDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Arrays;
import java.util.List;

/** The Alerts page: the tenant's rules (create, edit, mute, delete) and the history of fired alerts with their explanation. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {

    /** What the form shows: the rule being edited (null for a new one), a message, and the choices. */
    public record Form(AlertRule editing, String message, boolean error, List<Kpi> kpis, List<String> users) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(PageContext page, List<AlertRule> rules, List<AlertRuleService.Fired> fired,
                                              Form form, java.time.ZoneId zone);

        static native TemplateInstance content(PageContext page, List<AlertRule> rules, List<AlertRuleService.Fired> fired,
                                               Form form, java.time.ZoneId zone);
    }

    @Inject
    AlertRuleService rules;

    @Inject
    UserDirectory users;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        return Templates.alerts(user.page("alerts", headers), rules.list(), rules.fired(null, 100), form(null, null, false),
                user.tenant().zone());
    }

    @GET
    @Path("/rules/{id}/edit")
    public TemplateInstance edit(@PathParam("id") long id, @Context HttpHeaders headers) {
        AlertRule r = rules.get(id).orElseThrow(() -> ProblemException.notFound("alert rule " + id));
        return content(headers, form(r, null, false));
    }

    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance save(@RestForm String id, @RestForm String name, @RestForm String kpi, @RestForm String period,
                                 @RestForm String condition, @RestForm String threshold, @RestForm String minVolume,
                                 @RestForm List<String> recipients, @RestForm String inApp, @RestForm String email,
                                 @RestForm String cooldownMinutes, @Context HttpHeaders headers) {
        try {
            AlertRule.Request r = new AlertRule.Request(name, kpi, period, condition, FormValues.decimal("threshold", threshold),
                    FormValues.whole("minVolume", minVolume), recipients == null ? List.of() : recipients, inApp != null, email != null,
                    cooldownMinutes == null || cooldownMinutes.isBlank() ? null : Math.toIntExact(Math.max(-1,
                            Math.min(Integer.MAX_VALUE, FormValues.whole("cooldownMinutes", cooldownMinutes)))), null);
            AlertRule saved = id == null || id.isBlank() ? rules.create(user.tenant().id, user.email(), r)
                    : rules.update(FormValues.whole("id", id), r);
            return content(headers, form(null, "Saved rule \u201c" + saved.name() + "\u201d.", false));
        } catch (ProblemException e) {
            AlertRule shown = null;
            try {
                shown = id == null || id.isBlank() ? null : rules.get(Long.parseLong(id.strip())).orElse(null);
            } catch (NumberFormatException ignored) {
                // the form's id was tampered with: show a new-rule form with the error
            }
            return content(headers, form(shown, e.problem().detail(), true));
        }
    }

    @POST
    @Path("/rules/{id}/mute")
    public TemplateInstance mute(@PathParam("id") long id, @Context HttpHeaders headers) {
        AlertRule r = rules.get(id).orElseThrow(() -> ProblemException.notFound("alert rule " + id));
        rules.update(id, new AlertRule.Request(null, null, null, null, null, null, null, null, null, null, !r.muted()));
        return content(headers, form(null, (r.muted() ? "Unmuted" : "Muted") + " \u201c" + r.name() + "\u201d.", false));
    }

    @POST
    @Path("/rules/{id}/delete")
    public TemplateInstance delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        AlertRule r = rules.get(id).orElseThrow(() -> ProblemException.notFound("alert rule " + id));
        rules.delete(id);
        return content(headers, form(null, "Deleted \u201c" + r.name() + "\u201d and its history.", false));
    }

    private TemplateInstance content(HttpHeaders headers, Form form) {
        return Templates.content(user.page("alerts", headers), rules.list(), rules.fired(null, 100), form, user.tenant().zone());
    }

    private Form form(AlertRule editing, String message, boolean error) {
        long tenant = user.tenant().id;
        List<String> emails = QuarkusTransaction.requiringNew().call(() -> users.list("tenantId = ?1 order by email", tenant)
                .stream().map((AppUser u) -> u.email).toList());
        return new Form(editing, message, error, Arrays.asList(Kpi.values()), emails);
    }
}
