package app.phare.alert;

import app.phare.common.ProblemException;
import app.phare.insight.Kpi;
import app.phare.tenant.AppUser;
import app.phare.tenant.UserDirectory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Creates, changes, mutes and lists a tenant's alert rules and the alerts they fired (tenant in scope). */
@ApplicationScoped
public class AlertRuleService {

    static final String COLUMNS = "id, name, kpi, period, condition, threshold, min_volume, recipients, in_app, email,"
            + " cooldown_minutes, muted, last_fired_at, created_by, updated_at";

    /** A fired alert as the page and the API show it. */
    public record Fired(long id, long ruleId, String ruleName, String kpi, Instant firedAt, String period, Double value,
                        Double reference, String message, String explanation, int notified) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UserDirectory users;

    @Inject
    app.phare.tenant.TenantScope scope;

    public List<AlertRule> list() {
        return query("SELECT " + COLUMNS + " FROM alert_rule ORDER BY id");
    }

    public Optional<AlertRule> get(long id) {
        return query("SELECT " + COLUMNS + " FROM alert_rule WHERE id = ?", id).stream().findFirst();
    }

    public AlertRule create(long tenantId, String by, AlertRule.Request r) {
        AlertRule v = validate(r, null, by);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO alert_rule (tenant_id, name, kpi, period, condition, threshold, min_volume, recipients, in_app,
                        email, cooldown_minutes, muted, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, tenantId);
                bind(c, ps, 2, v);
                ps.setString(13, by);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return get(id).orElseThrow();
    }

    public AlertRule update(long id, AlertRule.Request r) {
        AlertRule current = get(id).orElseThrow(() -> ProblemException.notFound("alert rule " + id));
        AlertRule v = validate(r, current, current.createdBy());
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    UPDATE alert_rule SET name = ?, kpi = ?, period = ?, condition = ?, threshold = ?, min_volume = ?,
                        recipients = ?, in_app = ?, email = ?, cooldown_minutes = ?, muted = ?, updated_at = now()
                    WHERE id = ?""")) {
                bind(c, ps, 1, v);
                ps.setLong(12, id);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return get(id).orElseThrow();
    }

    public void delete(long id) {
        get(id).orElseThrow(() -> ProblemException.notFound("alert rule " + id));
        app.phare.common.db.Jdbc.execute(dataSource, "DELETE FROM alert_rule WHERE id = ?", id);
    }

    /** The latest fired alerts (at most limit, checked by the caller), newest first; of one rule when ruleId is given. */
    public List<Fired> fired(Long ruleId, int limit) {
        String sql = """
                SELECT f.id, f.rule_id, r.name, r.kpi, f.fired_at, f.period, f.value, f.reference, f.message, f.explanation, f.notified
                FROM alert_fired f JOIN alert_rule r ON r.id = f.rule_id""" + (ruleId == null ? "" : " WHERE f.rule_id = ?")
                + " ORDER BY f.id DESC LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (ruleId != null) {
                ps.setLong(1, ruleId);
            }
            List<Fired> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Fired(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                            rs.getString(6), (Double) rs.getObject(7), (Double) rs.getObject(8), rs.getString(9), rs.getString(10),
                            rs.getInt(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read fired alerts: " + e.getMessage(), e);
        }
    }

    /** Checks a rule's body; left-out fields keep the current value (on update) or take a default. */
    AlertRule validate(AlertRule.Request r, AlertRule current, String by) {
        if (r == null) {
            throw ProblemException.badRequest(null, "send the rule as a JSON object");
        }
        String kpiKey = pick(r.kpi(), current == null ? null : current.kpi());
        Kpi kpi = Kpi.of(kpiKey == null ? "" : kpiKey).orElseThrow(() -> ProblemException.badRequest("kpi",
                "kpi is one of " + java.util.Arrays.stream(Kpi.values()).map(k -> k.key).toList() + ", was " + kpiKey));
        String condition = pick(r.condition(), current == null ? null : current.condition());
        List<String> conditions = kpi.live ? AlertRule.LIVE_CONDITIONS : AlertRule.DAILY_CONDITIONS;
        if (condition == null || !conditions.contains(condition)) {
            throw ProblemException.badRequest("condition", "for " + kpi.label + " the condition is one of " + conditions + ", was " + condition);
        }
        String period = kpi.live ? AlertRule.HOUR : pick(r.period(), current == null || current.live() ? "day" : current.period());
        if (!kpi.live && !AlertRule.DAILY_PERIODS.contains(period)) {
            throw ProblemException.badRequest("period", "the period is one of " + AlertRule.DAILY_PERIODS + ", was " + period);
        }
        if (AlertRule.ANOMALY.equals(condition) && !"day".equals(period)) {
            throw ProblemException.badRequest("period", "anomalies are found per day: use the period day");
        }
        BigDecimal threshold = r.threshold() != null ? r.threshold() : current == null ? null : current.threshold();
        if (AlertRule.ANOMALY.equals(condition)) {
            threshold = null;
        } else if (threshold == null) {
            throw ProblemException.badRequest("threshold", "this condition needs a threshold");
        } else if (!AlertRule.ABOVE.equals(condition) && !AlertRule.BELOW.equals(condition)
                && (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(10_000)) > 0)) {
            throw ProblemException.badRequest("threshold", "a percentage from more than 0 to 10000, was " + threshold.toPlainString());
        } else if (threshold.abs().compareTo(new BigDecimal("1e12")) > 0) {
            throw ProblemException.badRequest("threshold", "the threshold is too large");
        }
        long minVolume = r.minVolume() != null ? r.minVolume() : current == null ? 0 : current.minVolume();
        if (minVolume < 0 || minVolume > 1_000_000_000L) {
            throw ProblemException.badRequest("minVolume", "the minimum volume is from 0 to 1000000000, was " + minVolume);
        }
        int cooldown = r.cooldownMinutes() != null ? r.cooldownMinutes() : current != null ? current.cooldownMinutes() : kpi.live ? 60 : 720;
        if (cooldown < 1 || cooldown > 60 * 24 * 90) {
            throw ProblemException.badRequest("cooldownMinutes", "the cooldown is from 1 minute to 90 days (129600), was " + cooldown);
        }
        // recipients are checked when given; a rule kept as it was keeps its list (muting must not fail on a user gone since)
        List<String> recipients = r.recipients() == null && current != null ? current.recipients()
                : recipients(r.recipients() != null ? r.recipients() : List.of(by));
        boolean inApp = r.inApp() != null ? r.inApp() : current == null || current.inApp();
        boolean email = r.email() != null ? r.email() : current == null || current.email();
        if (!inApp && !email) {
            throw ProblemException.badRequest("inApp", "choose in-app, e-mail or both: an alert nobody is told of is no alert");
        }
        String name = pick(r.name(), current == null ? null : current.name());
        if (name == null || name.isBlank()) {
            name = kpi.label + " " + condition.replace('_', ' ');
        }
        if (name.length() > 200) {
            throw ProblemException.badRequest("name", "the name is at most 200 characters");
        }
        boolean muted = r.muted() != null ? r.muted() : current != null && current.muted();
        return new AlertRule(current == null ? 0 : current.id(), name.strip(), kpi.key, period, condition, threshold, minVolume,
                recipients, inApp, email, cooldown, muted, null, by, null);
    }

    private List<String> recipients(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String e : given) {
            if (e == null || e.isBlank()) {
                continue;
            }
            String email = e.strip().toLowerCase(Locale.ROOT);
            Optional<AppUser> user = users.findByEmail(email);
            if (user.isEmpty() || user.get().tenantId.longValue() != scope.requireTenant()) {
                throw ProblemException.badRequest("recipients", "no user " + email + " in this workspace");
            }
            out.add(user.get().email);
        }
        if (out.isEmpty()) {
            throw ProblemException.badRequest("recipients", "name at least one user to tell");
        }
        return List.copyOf(out);
    }

    private static String pick(String given, String current) {
        return given != null ? given.strip() : current;
    }

    private static void bind(Connection c, PreparedStatement ps, int at, AlertRule v) throws SQLException {
        ps.setString(at, v.name());
        ps.setString(at + 1, v.kpi());
        ps.setString(at + 2, v.period());
        ps.setString(at + 3, v.condition());
        ps.setBigDecimal(at + 4, v.threshold());
        ps.setLong(at + 5, v.minVolume());
        ps.setArray(at + 6, c.createArrayOf("text", v.recipients().toArray()));
        ps.setBoolean(at + 7, v.inApp());
        ps.setBoolean(at + 8, v.email());
        ps.setInt(at + 9, v.cooldownMinutes());
        ps.setBoolean(at + 10, v.muted());
    }

    List<AlertRule> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<AlertRule> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rule(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert rules: " + e.getMessage(), e);
        }
    }

    static AlertRule rule(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp(13);
        return new AlertRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getLong(7), List.of((String[]) rs.getArray(8).getArray()), rs.getBoolean(9),
                rs.getBoolean(10), rs.getInt(11), rs.getBoolean(12), last == null ? null : last.toInstant(), rs.getString(14),
                rs.getTimestamp(15).toInstant());
    }
}
