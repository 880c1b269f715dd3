package app.phare.report;

import app.phare.jobs.CronText;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** The background-work section of /admin: the tenant's report queue and the report retention job. */
@Path("/admin/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(AppUser.ADMIN)
public class ReportAdminPage {

    /** What the section shows. */
    public record Summary(long queued, long running, long ready, long failed, int retentionDays, String retentionSchedule,
                          Instant retentionLastRun, int retentionLastRemoved, Instant subscriptionsLastRun, int subscriptionsLastSent,
                          long subscriptions, ZoneId zone, Locale locale) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(Summary s);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportConfig config;

    @Inject
    ReportRetentionJob retention;

    @Inject
    CurrentUser user;

    @Inject
    SubscriptionService subscriptionJob;

    @GET
    public TemplateInstance section() {
        long[] counts = new long[5];
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'running'),
                            count(*) FILTER (WHERE status = 'ready'), count(*) FILTER (WHERE status = 'failed'),
                            (SELECT count(*) FROM report_subscription) FROM report""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            for (int i = 0; i < 5; i++) {
                counts[i] = rs.getLong(i + 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Templates.section(new Summary(counts[0], counts[1], counts[2], counts[3], config.retentionDays(),
                CronText.describe(ReportRetentionJob.CRON, "UTC"), retention.lastRun(), retention.lastRemoved(),
                subscriptionJob.lastRun(), subscriptionJob.lastSent(), counts[4], user.tenant().zone(), user.tenant().javaLocale()));
    }
}
