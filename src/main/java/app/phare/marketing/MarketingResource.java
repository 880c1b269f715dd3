package app.phare.marketing;

import app.phare.common.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.List;

/** JSON API of the marketing figures, answered from the pre-aggregated ad tables. */
@Path("/api/metrics/marketing")
public class MarketingResource {

    @Inject
    MarketingMetrics metrics;

    @GET
    public MarketingMetrics.Report get(@RestQuery String from, @RestQuery String to, @RestQuery String grain,
                                       @RestQuery String by) {
        LocalDate[] range = QueryParams.range(from, to);
        return metrics.report(range[0], range[1], QueryParams.choice("grain", grain, "day", List.of("day", "month")),
                QueryParams.choice("by", by, null, List.of("campaign", "platform")));
    }
}
