package app.phare.jobs;

import app.phare.common.Limits;
import app.phare.tenant.AppUser;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** JSON API of the tenant's jobs: schedules, pause and resume, runs on demand (dry runs, backfills), the audit trail. */
@Path("/api")
@RolesAllowed(AppUser.ADMIN)
public class JobResource {

    /** Body of a run request: all optional; from and to make it a backfill. */
    public record RunRequest(Boolean dryRun, LocalDate from, LocalDate to) {
    }

    /** Body of a schedule change. */
    public record ScheduleRequest(String cron) {
    }

    /** The answer to pause and resume. */
    public record PauseState(String job, boolean paused, String message) {
    }

    /** What a cron would do, before it is saved. */
    public record Preview(String cron, String timezone, String schedule, List<Instant> nextFireTimes) {
    }

    @Inject
    JobService jobs;

    @Inject
    AuditLog audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @GET
    @Path("/jobs")
    public List<JobView> list() {
        return jobs.list();
    }

    @GET
    @Path("/jobs/{job}")
    public JobView get(@PathParam("job") String job) {
        return jobs.get(job);
    }

    /**
     * The body is optional (curl -X POST with nothing runs the job now), so it is read as text, whatever its
     * content type, and parsed only when there is one.
     */
    @POST
    @Path("/jobs/{job}/runs")
    @Consumes(MediaType.WILDCARD)
    public Response run(@PathParam("job") String job, String body) throws com.fasterxml.jackson.core.JsonProcessingException {
        RunRequest parsed = body == null || body.isBlank() ? null : json.readValue(body, RunRequest.class);
        RunRequest r = parsed == null ? new RunRequest(null, null, null) : parsed;
        long runId = jobs.trigger(job, Boolean.TRUE.equals(r.dryRun()), r.from(), r.to(), user());
        return Response.accepted(Map.of("runId", runId)).location(URI.create("/api/runs/" + runId)).build();
    }

    @PUT
    @Path("/jobs/{job}/schedule")
    public JobView schedule(@PathParam("job") String job, ScheduleRequest request) {
        return jobs.changeSchedule(job, request == null ? null : request.cron(), user());
    }

    @GET
    @Path("/jobs/{job}/schedule/preview")
    public Preview preview(@PathParam("job") String job, @RestQuery String cron) {
        JobView view = jobs.get(job);
        List<Instant> next = jobs.preview(cron, 3);
        return new Preview(cron.trim(), view.timezone(), CronText.describe(cron.trim(), view.timezone()), next);
    }

    @POST
    @Path("/jobs/{job}/pause")
    public PauseState pause(@PathParam("job") String job) {
        String message = jobs.pause(job, user());
        return new PauseState(job, true, message);
    }

    @POST
    @Path("/jobs/{job}/resume")
    public PauseState resume(@PathParam("job") String job) {
        String message = jobs.resume(job, user());
        return new PauseState(job, false, message);
    }

    @GET
    @Path("/audit")
    public List<AuditLog.Entry> audit(@RestQuery Integer limit) {
        return audit.latest(Limits.of(limit, "limit", 50, 500));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
