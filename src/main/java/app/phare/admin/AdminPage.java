package app.phare.admin;

import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.jobs.AuditLog;
import app.phare.jobs.CronText;
import app.phare.jobs.JobService;
import app.phare.jobs.JobView;
import app.phare.pipeline.PipelineService;
import app.phare.pipeline.RunService;
import app.phare.pipeline.RunView;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The admin trigger page: the tenant's jobs with their schedules and last runs, the buttons that steer them (run
 * now, dry run, backfill, pause or resume, edit schedule), the run history with filters, each run in detail, and the
 * audit trail. Admins only.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(AppUser.ADMIN)
public class AdminPage {

    /** Filters of the history as the form sent them (kept to re-fill it). */
    public record HistoryFilter(String job, String status, String trigger, String date) {
    }

    /** The outcome of a button, shown above the jobs. */
    public record Message(String text, boolean error, Long runId) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(PageContext page, List<JobView> jobs, boolean busy, Message message, List<RunView> runs,
                                            HistoryFilter filter, List<AuditLog.Entry> audit, ZoneId zone,
                                            List<String> statuses, List<String> triggers);

        static native TemplateInstance jobs(PageContext page, List<JobView> jobs, Message message, ZoneId zone, boolean busy);

        static native TemplateInstance history(PageContext page, List<RunView> runs, HistoryFilter filter, ZoneId zone,
                                              List<String> statuses, List<String> triggers);

        static native TemplateInstance preview(String schedule, List<Instant> fires, String error, ZoneId zone, PageContext page);

        static native TemplateInstance run(PageContext page, RunView run, List<RunService.Reject> rejects, ZoneId zone);
    }

    static final List<String> STATUSES = List.of("queued", "running", "succeeded", "failed", "interrupted");
    static final List<String> TRIGGERS = List.of("user", "schedule", "retry", "recovery", "first-start");

    @Inject
    JobService jobs;

    @Inject
    RunService runs;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        HistoryFilter none = new HistoryFilter(null, null, null, null);
        List<JobView> list = jobs.list();
        return Templates.admin(context(headers), list, busy(list), null, runs.latest(25), none, audit.latest(30), zone(),
                STATUSES, TRIGGERS);
    }

    @GET
    @Path("/jobs")
    public TemplateInstance jobList(@Context HttpHeaders headers) {
        List<JobView> list = jobs.list();
        return Templates.jobs(context(headers), list, null, zone(), busy(list));
    }

    @POST
    @Path("/jobs/{job}/run")
    public TemplateInstance runNow(@PathParam("job") String job, @Context HttpHeaders headers) {
        return act(headers, () -> {
            long runId = jobs.trigger(job, false, null, null, user.email());
            return new Message("Run " + runId + " started.", false, runId);
        });
    }

    @POST
    @Path("/jobs/{job}/dry-run")
    public TemplateInstance dryRun(@PathParam("job") String job, @Context HttpHeaders headers) {
        return act(headers, () -> {
            long runId = jobs.trigger(job, true, null, null, user.email());
            return new Message("Dry run " + runId + " started: it reads and cleans the pending files and writes nothing.",
                    false, runId);
        });
    }

    @POST
    @Path("/jobs/{job}/backfill")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance backfill(@PathParam("job") String job, @RestForm String from, @RestForm String to,
                                     @Context HttpHeaders headers) {
        return act(headers, () -> {
            LocalDate f = date("from", from), t = date("to", to);
            long runId = jobs.trigger(job, false, f, t, user.email());
            return new Message("Backfill " + runId + " started: the aggregates of " + f + " … " + t
                    + " are re-derived from the clean facts.", false, runId);
        });
    }

    @POST
    @Path("/jobs/{job}/pause")
    public TemplateInstance pause(@PathParam("job") String job, @Context HttpHeaders headers) {
        return act(headers, () -> new Message(capitalize(jobs.pause(job, user.email())) + ".", false, null));
    }

    @POST
    @Path("/jobs/{job}/resume")
    public TemplateInstance resume(@PathParam("job") String job, @Context HttpHeaders headers) {
        return act(headers, () -> new Message(capitalize(jobs.resume(job, user.email())) + ".", false, null));
    }

    @POST
    @Path("/jobs/{job}/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance schedule(@PathParam("job") String job, @RestForm String cron, @Context HttpHeaders headers) {
        return act(headers, () -> {
            JobView changed = jobs.changeSchedule(job, cron, user.email());
            return new Message("Schedule of '" + job + "' saved: " + changed.schedule() + ".", false, null);
        });
    }

    @GET
    @Path("/jobs/{job}/schedule/preview")
    public TemplateInstance preview(@PathParam("job") String job, @RestQuery String cron, @Context HttpHeaders headers) {
        JobView view = jobs.get(job);
        try {
            List<Instant> fires = jobs.preview(cron, 3);
            return Templates.preview(CronText.describe(cron.trim(), view.timezone()), fires, null, zone(), context(headers));
        } catch (ProblemException e) {
            return Templates.preview(null, List.of(), e.getMessage(), zone(), context(headers));
        }
    }

    @GET
    @Path("/runs")
    public TemplateInstance history(@RestQuery String job, @RestQuery String status, @RestQuery String trigger,
                                    @RestQuery String date, @Context HttpHeaders headers) {
        HistoryFilter filter = new HistoryFilter(blank(job), blank(status), blank(trigger), blank(date));
        LocalDate day;
        try {
            day = filter.date() == null ? null : app.phare.common.QueryParams.date("date", filter.date());
        } catch (ProblemException e) {
            day = null;
        }
        List<RunView> list = runs.list(new RunService.Filter(filter.job(),
                filter.status() != null && STATUSES.contains(filter.status()) ? filter.status() : null,
                filter.trigger() != null && TRIGGERS.contains(filter.trigger()) ? filter.trigger() : null, day, zone(), 100));
        return Templates.history(context(headers), list, filter, zone(), STATUSES, TRIGGERS);
    }

    @GET
    @Path("/runs/{runId}")
    public TemplateInstance run(@PathParam("runId") long runId, @Context HttpHeaders headers) {
        RunView run = runs.find(runId).orElseThrow(() -> ProblemException.notFound("run " + runId));
        return Templates.run(context(headers), run, runs.firstRejects(runId, 100), zone());
    }

    @GET
    @Blocking
    @Path("/runs/{runId}/rejects.csv")
    @Produces("text/csv")
    public Response rejects(@PathParam("runId") long runId) {
        return runs.rejectsDownload(runId);
    }

    private interface Action {
        Message run();
    }

    /** Runs a button's action and answers the refreshed job list, with the outcome or the reason it was refused. */
    private TemplateInstance act(HttpHeaders headers, Action action) {
        Message message;
        try {
            message = action.run();
        } catch (ProblemException e) {
            message = new Message(e.getMessage() + ".", true, e.runId());
        }
        List<JobView> list = jobs.list();
        return Templates.jobs(context(headers), list, message, zone(), busy(list));
    }

    private static boolean busy(List<JobView> jobs) {
        return jobs.stream().anyMatch(j -> j.activeRunId() != null);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "choose the " + field + " date of the backfill");
        }
        return app.phare.common.QueryParams.date(field, value);
    }

    private PageContext context(HttpHeaders headers) {
        return user.page("admin", headers);
    }

    private ZoneId zone() {
        return user.tenant().zone();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
