package app.phare.stock;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** JSON API of the stock figures, answered from the stock levels. */
@Path("/api/metrics/stock")
public class StockResource {

    @Inject
    StockMetrics metrics;

    @GET
    public StockMetrics.Report get() {
        return metrics.report();
    }
}
