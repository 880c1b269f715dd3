package app.phare.insight;

import app.phare.pipeline.PipelineRun;
import app.phare.pipeline.PipelineService;
import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the insights after every successful run that changed data: anomalies of the changed days, the
 * forecasts, then tells the alert rules (InsightsComputed). A failure here is logged and never fails the run.
 */
@ApplicationScoped
public class InsightRun {

    private static final Logger LOG = Logger.getLogger(InsightRun.class);

    /** Fired after the insights of a run are stored. */
    public record InsightsComputed(long tenantId, long runId, List<AnomalyService.Found> anomalies) {
    }

    @Inject
    AnomalyService anomalies;

    @Inject
    ForecastService forecasts;

    @Inject
    TenantRepository tenants;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<InsightsComputed> computed;

    void onRunEnded(@Observes PipelineService.RunEnded ended) {
        if (!PipelineRun.SUCCEEDED.equals(ended.status()) || ended.dryRun()) {
            return;
        }
        try {
            compute(ended.tenantId(), ended.runId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not compute the insights of run %d", ended.runId());
        }
    }

    /** Computes and stores the insights of a run; returns the anomalies found. */
    public InsightsComputed compute(long tenantId, long runId) {
        long started = System.nanoTime();
        InsightsComputed result = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Tenant t = tenants.findById(tenantId);
            Explanations.Style style = new Explanations.Style(t.currency.trim(), t.javaLocale());
            List<AnomalyService.Found> found = anomalies.detect(tenantId, changedDays(runId), runId, style);
            forecasts.forecast(tenantId, runId);
            return new InsightsComputed(tenantId, runId, found);
        }));
        LOG.infof("insights of run %d: %d anomalies, forecasts in %d ms", runId, result.anomalies().size(),
                (System.nanoTime() - started) / 1_000_000);
        computed.fire(result);
        return result;
    }

    private List<LocalDate> changedDays(long runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT changed_days FROM pipeline_run WHERE id = ?")) {
            ps.setLong(1, runId);
            List<LocalDate> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getArray(1) != null) {
                    for (Object d : (Object[]) rs.getArray(1).getArray()) {
                        days.add(((java.sql.Date) d).toLocalDate());
                    }
                }
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the run's days: " + e.getMessage(), e);
        }
    }
}
