package app.phare.insight;

import app.phare.common.ProblemException;
import app.phare.common.QueryParams;
import app.phare.tenant.CurrentUser;
import app.phare.tenant.TenantScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** JSON API of the insights: anomalies with their explanation, forecasts with their backtest, stock recommendations. */
@Path("/api/insights")
public class InsightResource {

    /** Body of a stock settings change. */
    public record StockSettingsChange(Integer leadTimeDays, Integer coverDays) {
    }

    @Inject
    AnomalyService anomalies;

    @Inject
    ForecastService forecasts;

    @Inject
    StockAdvisor stock;

    @Inject
    TenantScope scope;

    @Inject
    CurrentUser user;

    @GET
    @Path("/anomalies")
    public List<AnomalyService.Stored> anomalies(@QueryParam("from") String from, @QueryParam("to") String to,
                                                 @QueryParam("kpi") List<String> kpis,
                                                 @QueryParam("limit") @DefaultValue("200") int limit) {
        LocalDate f = from == null ? LocalDate.of(1900, 1, 1) : QueryParams.date("from", from);
        LocalDate t = to == null ? LocalDate.of(9999, 12, 31) : QueryParams.date("to", to);
        if (f.isAfter(t)) {
            throw ProblemException.badRequest("from", "from is after to");
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("limit", "limit is from 1 to 1000, was " + limit);
        }
        List<Kpi> only = new ArrayList<>();
        for (String k : kpis) {
            only.add(Kpi.of(k).filter(x -> !x.live).orElseThrow(() -> ProblemException.badRequest("kpi", "no daily KPI " + k)));
        }
        return anomalies.between(f, t, only, limit);
    }

    @GET
    @Path("/forecasts")
    public List<ForecastService.Stored> forecasts() {
        return forecasts.current(scope.requireTenant());
    }

    @GET
    @Path("/stock")
    public StockAdvisor.Advice stock() {
        return stock.advise(scope.requireTenant());
    }

    @PUT
    @Path("/stock/settings")
    public StockAdvisor.Settings stockSettings(StockSettingsChange change) {
        if (change == null) {
            throw ProblemException.badRequest(null, "send {\"leadTimeDays\": n, \"coverDays\": n}");
        }
        return stock.change(scope.requireTenant(), change.leadTimeDays(), change.coverDays(), user.email());
    }
}
