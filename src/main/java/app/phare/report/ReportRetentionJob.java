package app.phare.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Removes report files past their retention (phare.reports.retention-days, default 30) every night at 03:30, and the
 * reports with them. Listed on /admin with its last run.
 */
@ApplicationScoped
public class ReportRetentionJob {

    private static final Logger LOG = Logger.getLogger(ReportRetentionJob.class);
    public static final String CRON = "0 30 3 * * ?";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportFiles files;

    private volatile java.time.Instant lastRun;
    private volatile int lastRemoved;

    @Scheduled(cron = CRON, identity = "report-retention", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        removeExpired();
    }

    /** Removes what has expired; returns how many reports. */
    @app.phare.tenant.SystemWork // every tenant's expired reports
    public int removeExpired() {
        int removed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM report WHERE expires_at < now() RETURNING tenant_id, id, file_name")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.delete(rs.getLong(1), rs.getLong(2), rs.getString(3));
                    removed++;
                }
            }
        } catch (SQLException e) {
            LOG.errorf("report retention failed: %s", e.getMessage());
        }
        lastRun = java.time.Instant.now();
        lastRemoved = removed;
        if (removed > 0) {
            LOG.infof("removed %d expired report(s)", removed);
        }
        return removed;
    }

    public java.time.Instant lastRun() {
        return lastRun;
    }

    public int lastRemoved() {
        return lastRemoved;
    }
}
