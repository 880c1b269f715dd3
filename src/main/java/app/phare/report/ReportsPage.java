package app.phare.report;

import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.tenant.CurrentUser;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Reports page: ask for a report, go on working, download it when it is ready (or retry a failed one). */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportsPage {

    /** The form as sent, to fill it again. */
    public record Form(String type, String from, String to, String format, String country, String channel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(PageContext page, List<ReportView> reports, Form form, Map<String, String> types,
                                              List<String> formats, ZoneId zone, String message, boolean error,
                                              boolean pending, List<Subscription> subscriptions);

        static native TemplateInstance subscriptions(List<Subscription> subscriptions, Map<String, String> types,
                                                     List<String> formats, String message, boolean error);

        static native TemplateInstance list(PageContext page, List<ReportView> reports, Map<String, String> types, ZoneId zone,
                                           String message, boolean error, boolean pending);
    }

    @Inject
    ReportService reports;

    @Inject
    CurrentUser user;

    @Inject
    SubscriptionService subscriptions;

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance subscribe(@RestForm String type, @RestForm String format, @RestForm String frequency,
                                      @RestForm String hour, @RestForm String country, @RestForm String channel) {
        try {
            Map<String, String> filters = filters(country, channel);
            Integer h;
            try {
                h = hour == null || hour.isBlank() ? null : Integer.valueOf(hour.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("hour", "hour is a whole number from 0 to 23");
            }
            subscriptions.create(user.tenant().id, user.email(), new SubscriptionService.Request(type, format, filters, frequency, h));
            return subscriptionList("Subscribed: it is sent after the nightly run that closes each period.", false);
        } catch (ProblemException e) {
            return subscriptionList(e.getMessage(), true);
        }
    }

    @POST
    @Path("/subscriptions/{id}/delete")
    public TemplateInstance unsubscribe(@PathParam("id") long id) {
        try {
            subscriptions.delete(user.email(), id);
            return subscriptionList("Subscription removed.", false);
        } catch (ProblemException e) {
            return subscriptionList(e.getMessage(), true);
        }
    }

    private TemplateInstance subscriptionList(String message, boolean error) {
        return Templates.subscriptions(subscriptions.mine(user.email()), types(), ReportTypes.FORMATS, message, error);
    }

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        LocalDate today = LocalDate.now(user.tenant().zone());
        Form form = new Form("sales-summary", today.minusMonths(3).withDayOfMonth(1).toString(), today.toString(), "pdf", "", "");
        List<ReportView> list = reports.latest(50);
        return Templates.reports(user.page("reports", headers), list, form, types(), ReportTypes.FORMATS,
                user.tenant().zone(), null, false, pending(list), subscriptions.mine(user.email()));
    }

    @GET
    @Path("/list")
    public TemplateInstance list(@Context HttpHeaders headers) {
        return render(headers, null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance generate(@RestForm String type, @RestForm String from, @RestForm String to, @RestForm String format,
                                     @RestForm String country, @RestForm String channel, @Context HttpHeaders headers) {
        try {
            Map<String, String> filters = filters(country, channel);
            ReportService.Requested r = reports.request(user.tenant(), user.email(),
                    ReportResource.spec(new ReportResource.ReportRequest(type, from, to, format, filters)));
            return render(headers, r.created() ? "Report " + r.reportId() + " queued: you will be told when it is ready."
                    : "The same report is already " + r.status() + " (report " + r.reportId() + ").", false);
        } catch (ProblemException e) {
            return render(headers, e.getMessage(), true);
        }
    }

    @POST
    @Path("/{id}/retry")
    public TemplateInstance retry(@PathParam("id") long id, @Context HttpHeaders headers) {
        try {
            ReportService.Requested r = reports.retry(user.tenant(), id, user.email());
            return render(headers, "Queued again as report " + r.reportId() + ".", false);
        } catch (ProblemException e) {
            return render(headers, e.getMessage(), true);
        }
    }

    private TemplateInstance render(HttpHeaders headers, String message, boolean error) {
        List<ReportView> list = reports.latest(50);
        return Templates.list(user.page("reports", headers), list, types(), user.tenant().zone(), message, error, pending(list));
    }

    private static boolean pending(List<ReportView> list) {
        return list.stream().anyMatch(ReportView::pending);
    }

    /** The file, for the browser (the JSON API's download takes API credentials, the page the session). */
    @GET
    @Path("/{id}/file")
    @Produces(MediaType.WILDCARD)
    public jakarta.ws.rs.core.Response file(@PathParam("id") long id) {
        ReportService.ReportFile f = reports.file(id);
        return jakarta.ws.rs.core.Response.ok(f.path().toFile(), f.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"").build();
    }

    /** The form's country and channel as report filters; blank means all. */
    private static Map<String, String> filters(String country, String channel) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (country != null && !country.isBlank()) {
            filters.put("country", country.strip());
        }
        if (channel != null && !channel.isBlank()) {
            filters.put("channel", channel.strip());
        }
        return filters;
    }

    private static Map<String, String> types() {
        Map<String, String> m = new LinkedHashMap<>();
        ReportTypes.TYPES.forEach(t -> m.put(t, ReportTypes.label(t)));
        return m;
    }
}
