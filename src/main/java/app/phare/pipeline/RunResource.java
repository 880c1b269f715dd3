package app.phare.pipeline;

import app.phare.common.Limits;
import app.phare.common.ProblemException;
import app.phare.tenant.CurrentUser;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.List;

/** JSON API of the tenant's runs: the history (filtered), one run in detail, its rejected lines. */
@Path("/api/runs")
public class RunResource {

    @Inject
    RunService runs;

    @Inject
    CurrentUser user;

    @Inject
    app.phare.quality.QualityService quality;

    @GET
    public List<RunView> list(@RestQuery String job, @RestQuery String status, @RestQuery String trigger,
                              @RestQuery String date, @RestQuery Integer limit) {
        return runs.list(new RunService.Filter(blankToNull(job), blankToNull(status), blankToNull(trigger), day(date),
                user.tenant().zone(), Limits.of(limit, "limit", 50, 500)));
    }

    @GET
    @Path("/{runId}")
    public RunView get(@PathParam("runId") long runId) {
        return runs.find(runId).orElseThrow(() -> ProblemException.notFound("run " + runId));
    }

    @GET
    @Path("/{runId}/quality")
    public app.phare.quality.QualityService.RunQuality quality(@PathParam("runId") long runId) {
        return quality.run(runId);
    }

    @GET
    @Blocking
    @Path("/{runId}/rejects")
    @Produces("text/csv")
    public Response rejects(@PathParam("runId") long runId) {
        return runs.rejectsDownload(runId);
    }

    static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        return app.phare.common.QueryParams.date("date", date);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
