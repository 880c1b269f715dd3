package app.phare.report;

import app.phare.common.Limits;
import app.phare.common.ProblemException;
import app.phare.common.QueryParams;
import app.phare.report.content.ReportSpec;
import app.phare.tenant.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** JSON API of background reports: request (202), follow, list, download, retry a failed one. */
@Path("/api/reports")
public class ReportResource {

    /** Body of a request; from and to as YYYY-MM-DD, filters as on the dashboard (country, channel). */
    public record ReportRequest(String type, String from, String to, String format, Map<String, String> filters) {
    }

    @Inject
    ReportService reports;

    @Inject
    CurrentUser user;

    @POST
    public Response request(ReportRequest body) {
        if (body == null) {
            throw ProblemException.badRequest(null, "send {type, from, to, format, filters}");
        }
        ReportService.Requested r = reports.request(user.tenant(), user.email(), spec(body));
        return Response.accepted(Map.of("reportId", r.reportId(), "status", r.status(), "created", r.created()))
                .location(URI.create("/api/reports/" + r.reportId())).build();
    }

    static ReportSpec spec(ReportRequest body) {
        if (body.from() == null || body.to() == null) {
            throw ProblemException.badRequest(body.from() == null ? "from" : "to", "from and to are required (YYYY-MM-DD)");
        }
        return new ReportSpec(body.type(), QueryParams.date("from", body.from()), QueryParams.date("to", body.to()),
                body.format(), body.filters() == null ? Map.of() : body.filters());
    }

    @GET
    public List<ReportView> list(@RestQuery Integer limit) {
        return reports.latest(Limits.of(limit, "limit", 50, 500));
    }

    @GET
    @Path("/{id}")
    public ReportView get(@PathParam("id") long id) {
        return reports.get(id);
    }

    @GET
    @Path("/{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id) {
        ReportService.ReportFile f = reports.file(id);
        return Response.ok(f.path().toFile(), f.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"").build();
    }

    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        ReportService.Requested r = reports.retry(user.tenant(), id, user.email());
        return Response.accepted(Map.of("reportId", r.reportId(), "status", r.status(), "created", r.created()))
                .location(URI.create("/api/reports/" + r.reportId())).build();
    }
}
