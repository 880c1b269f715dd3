package app.phare.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** JSON API for sales figures, answered from the pre-aggregated tables. */
@Path("/api/metrics")
public class MetricsResource {

    @Inject
    SalesMetricsService service;

    @GET
    @Path("/sales")
    public SalesReport sales(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("grain") String grain, @QueryParam("by") String by,
                             @QueryParam("country") String country, @QueryParam("channel") String channel) {
        return service.report(SalesQuery.parse(from, to, grain, by, country, channel));
    }
}
