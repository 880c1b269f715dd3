package app.phare.deals;

import app.phare.common.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.List;

/** JSON API of the sales-pipeline figures, answered from the deal aggregates. */
@Path("/api/metrics/pipeline")
public class PipelineResource {

    @Inject
    PipelineMetrics metrics;

    @GET
    public PipelineMetrics.Report get(@RestQuery String from, @RestQuery String to, @RestQuery String by) {
        LocalDate[] range = QueryParams.range(from, to);
        return metrics.report(range[0], range[1], QueryParams.choice("by", by, null, List.of("agent", "product")));
    }
}
