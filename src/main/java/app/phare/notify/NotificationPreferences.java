package app.phare.notify;

import app.phare.common.ProblemException;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each user's choice per kind of notification: in the app (the bell and a live toast) and by e-mail too. Without a
 * choice: in the app, and by e-mail for the kinds that matter when one is away (reports, paused jobs, drift).
 */
@ApplicationScoped
public class NotificationPreferences {

    /** The kinds a user can choose for, with what they are. */
    public static final Map<String, String> KINDS = kinds();

    /** A choice for one kind. */
    public record Choice(boolean inApp, boolean email) {
    }

    /** A kind with the user's choice, for the API and the page. */
    public record Preference(String kind, String label, boolean inApp, boolean email) {
    }

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, String> kinds() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("report-ready", "A report I asked for is ready");
        m.put("report-failed", "A report I asked for failed");
        m.put("job-paused", "A job paused itself after failures (admins)");
        m.put("drift", "Live figures differ from the nightly run (admins)");
        m.put("alert", "An alert rule I receive fired");
        return m;
    }

    static Choice defaults(String kind) {
        return new Choice(true, KINDS.containsKey(kind));
    }

    /** The user's choice for a kind (read in the caller's transaction and scope). */
    Choice of(long userId, String kind) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT in_app, email FROM notification_preference WHERE user_id = ? AND kind = ?")) {
            ps.setLong(1, userId);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Choice(rs.getBoolean(1), rs.getBoolean(2)) : defaults(kind);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Preference> list(long userId) {
        return KINDS.entrySet().stream().map(k -> {
            Choice c = of(userId, k.getKey());
            return new Preference(k.getKey(), k.getValue(), c.inApp(), c.email());
        }).toList();
    }

    /** Saves the user's choices (tenant in scope); unknown kinds are refused with a 400 naming them. */
    public List<Preference> save(long tenantId, long userId, List<Preference> choices) {
        for (Preference p : choices) {
            if (p.kind() == null || !KINDS.containsKey(p.kind())) {
                throw ProblemException.badRequest("kind", "unknown notification kind '" + p.kind() + "'; kinds are "
                        + String.join(", ", KINDS.keySet()));
            }
        }
        TenantScope.runAs(tenantId, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         INSERT INTO notification_preference (tenant_id, user_id, kind, in_app, email) VALUES (?, ?, ?, ?, ?)
                         ON CONFLICT (user_id, kind) DO UPDATE SET in_app = excluded.in_app, email = excluded.email""")) {
                for (Preference p : choices) {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, userId);
                    ps.setString(3, p.kind());
                    ps.setBoolean(4, p.inApp());
                    ps.setBoolean(5, p.email());
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return list(userId);
    }
}
