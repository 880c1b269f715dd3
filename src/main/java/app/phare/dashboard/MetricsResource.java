package app.phare.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;

/** JSON API for sales figures, answered from the pre-aggregated tables. */
@Path("/api/metrics")
public class MetricsResource {

    @Inject
    SalesMetricsService service;

    /** A {@link SalesReport} as JSON. */
    @GET
    @Path("/sales")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] sales(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("grain") String grain, @QueryParam("by") String by,
                             @QueryParam("country") String country, @QueryParam("channel") String channel) {
        return service.reportJson(SalesQuery.parse(from, to, grain, by, country, channel));
    }
}
