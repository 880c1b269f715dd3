package app.phare.pipeline;

import app.phare.common.ProblemException;
import app.phare.tenant.AppUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** JSON API to trigger the nightly job and follow its runs. */
@Path("/api")
public class RunResource {

    @Inject
    RunService runs;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/jobs/{job}/runs")
    @RolesAllowed(AppUser.ADMIN)
    public Response trigger(@PathParam("job") String job) {
        if (!PipelineService.NIGHTLY.equals(job)) {
            throw ProblemException.notFound("job '" + job + "'");
        }
        long runId = runs.requestNightly(identity.getPrincipal().getName());
        return Response.accepted(Map.of("runId", runId)).location(URI.create("/api/runs/" + runId)).build();
    }

    @GET
    @Path("/runs")
    public List<RunView> latest() {
        return runs.latest(50);
    }

    @GET
    @Path("/runs/{runId}")
    public RunView get(@PathParam("runId") long runId) {
        return runs.find(runId).orElseThrow(() -> ProblemException.notFound("run " + runId));
    }

    @GET
    @Blocking
    @Path("/runs/{runId}/rejects")
    @Produces("text/csv")
    public Response rejects(@PathParam("runId") long runId) {
        return runs.rejectsDownload(runId);
    }
}
