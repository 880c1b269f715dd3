package app.phare.alert;

import app.phare.notify.NotificationPreferences;
import app.phare.notify.NotificationService;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires a rule at most once per cooldown and once per period: the rule row is claimed with one conditional UPDATE,
 * so two instances evaluating the same minute fire it once. Then the alert is stored and its recipients told
 * (in the app, by e-mail, as the rule says and each user's preferences allow).
 */
@ApplicationScoped
public class AlertFiring {

    private static final Logger LOG = Logger.getLogger(AlertFiring.class);
    public static final String KIND = "alert";

    /** What a rule found: the period judged, the value, what it was compared with, and the sentences. */
    public record Finding(String period, Double value, Double reference, String message, String explanation) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NotificationService notifications;

    /** Fires the rule unless it is in its cooldown or already fired for this period; returns the fired alert's id. */
    public Optional<Long> fire(long tenantId, AlertRule rule, Finding f, Instant now) {
        Optional<Long> id = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> claim(tenantId, rule, f, now)));
        if (id.isEmpty()) {
            return id;
        }
        int told = 0;
        String body = f.explanation() == null ? f.message() : f.message() + " " + f.explanation();
        NotificationPreferences.Choice how = new NotificationPreferences.Choice(rule.inApp(), rule.email());
        for (String email : rule.recipients()) {
            try {
                if (notifications.notifyUser(tenantId, email, KIND, "Alert: " + rule.name(), body, "/alerts#fired-" + id.get(), how)) {
                    told++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not tell %s of alert %d", email, id.get());
            }
        }
        int n = told;
        TenantScope.runAs(tenantId, () -> app.phare.common.db.Jdbc.execute(dataSource,
                "UPDATE alert_fired SET notified = ? WHERE id = ?", n, id.get()));
        LOG.infof("alert rule %d fired (%s): %s", rule.id(), f.period(), f.message());
        return id;
    }

    private Optional<Long> claim(long tenantId, AlertRule rule, Finding f, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE alert_rule r SET last_fired_at = ?
                    WHERE r.id = ? AND NOT r.muted
                      AND (r.last_fired_at IS NULL OR r.last_fired_at <= ?::timestamptz - make_interval(mins => r.cooldown_minutes))
                      AND NOT EXISTS (SELECT 1 FROM alert_fired f WHERE f.rule_id = r.id AND f.period = ?)""")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, rule.id());
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, f.period());
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO alert_fired (tenant_id, rule_id, fired_at, period, value, reference, message, explanation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, rule.id());
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, f.period());
                ps.setObject(5, f.value());
                ps.setObject(6, f.reference());
                ps.setString(7, f.message());
                ps.setString(8, f.explanation());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getLong(1));
                }
            }
        }
    }
}
