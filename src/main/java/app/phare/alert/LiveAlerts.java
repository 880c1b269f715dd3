package app.phare.alert;

import app.phare.insight.Explanations;
import app.phare.insight.Kpi;
import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Judges the live rules every minute: orders or revenue of the last hour against a threshold or against the usual
 * for that hour and weekday. Every instance judges; the rule's claim in AlertFiring makes one of them fire.
 */
@ApplicationScoped
public class LiveAlerts {

    private static final Logger LOG = Logger.getLogger(LiveAlerts.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AlertRuleService rules;

    @Inject
    AlertFiring firing;

    @Inject
    LiveHour hour;

    @Inject
    TenantRepository tenants;

    @Inject
    AlertConfig config;

    private volatile Instant lastRun;

    @Scheduled(every = "{phare.alerts.live-every}", delayed = "20s", identity = "live-alerts", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyMinute() {
        evaluateAll(Instant.now());
    }

    /** Judges the live rules of every tenant that has some (trusted: all tenants). */
    public int evaluateAll(Instant now) {
        TreeSet<Long> tenantIds = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT tenant_id FROM alert_rule WHERE NOT muted AND kpi LIKE 'live%'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tenantIds.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.errorf("could not read the live alert rules: %s", e.getMessage());
            return 0;
        }
        int fired = 0;
        for (long tenantId : tenantIds) {
            try {
                fired += evaluate(tenantId, now).size();
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not judge the live rules of tenant %d", tenantId);
            }
        }
        lastRun = now;
        return fired;
    }

    /** Judges the tenant's live rules as of now; returns the ids of the alerts fired. */
    public List<Long> evaluate(long tenantId, Instant now) {
        record Judged(AlertRule rule, AlertFiring.Finding finding) {
        }
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        List<Judged> judged = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<AlertRule> live = rules.list().stream().filter(r -> r.live() && !r.muted()).toList();
            if (live.isEmpty()) {
                return List.<Judged>of();
            }
            Tenant t = tenants.findById(tenantId);
            LiveHour.Figures f = hour.at(tenantId, at, t.zone());
            Explanations.Style style = new Explanations.Style(t.currency.trim(), t.javaLocale());
            List<Judged> out = new ArrayList<>();
            for (AlertRule r : live) {
                judge(r, f, t, style).ifPresent(finding -> out.add(new Judged(r, finding)));
            }
            return out;
        }));
        List<Long> fired = new ArrayList<>();
        for (Judged j : judged) {
            firing.fire(tenantId, j.rule(), j.finding(), at).ifPresent(fired::add);
        }
        return fired;
    }

    static Optional<AlertFiring.Finding> judge(AlertRule r, LiveHour.Figures f, Tenant t, Explanations.Style style) {
        Kpi kpi = r.kpiValue();
        boolean orders = kpi == Kpi.LIVE_ORDERS_HOUR;
        double value = orders ? f.orders() : f.revenue();
        ZonedDateTime end = f.to().atZone(t.zone());
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        String window = " (" + f.from().atZone(t.zone()).format(hm) + "–" + end.format(hm) + ")";
        String what = kpi.label + window + " " + (orders ? "were " : "was ") + PeriodValues.format(kpi, value, style);
        String key = "hour:" + end.truncatedTo(ChronoUnit.MINUTES).toOffsetDateTime();
        double threshold = r.threshold().doubleValue();
        switch (r.condition()) {
            case AlertRule.BELOW_USUAL, AlertRule.ABOVE_USUAL -> {
                if (f.usual().isEmpty()) {
                    return Optional.empty();
                }
                LiveHour.Usual u = f.usual().get();
                double usual = orders ? u.orders() : u.revenue();
                if (u.orders() < Math.max(1, r.minVolume()) || usual <= 0) {
                    return Optional.empty(); // a quiet hour: too few orders usually to judge
                }
                double ratio = value / usual;
                boolean below = AlertRule.BELOW_USUAL.equals(r.condition());
                if (below ? ratio * 100 >= threshold : ratio * 100 <= threshold) {
                    return Optional.empty();
                }
                String weekday = end.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                return Optional.of(new AlertFiring.Finding(key, value, usual, what + ", " + Math.round(ratio * 100)
                        + " % of the usual " + PeriodValues.format(kpi, usual, style) + " for a " + weekday + " at this hour.",
                        "The usual is the median of the same hour on the last " + u.weeks() + " " + weekday + "s."));
            }
            case AlertRule.ABOVE, AlertRule.BELOW -> {
                if (f.orders() < r.minVolume() && AlertRule.ABOVE.equals(r.condition())) {
                    return Optional.empty();
                }
                boolean hit = AlertRule.ABOVE.equals(r.condition()) ? value > threshold : value < threshold;
                return hit ? Optional.of(new AlertFiring.Finding(key, value, threshold, what + ", " + r.condition()
                        + " the threshold of " + PeriodValues.format(kpi, threshold, style) + ".", null)) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** How often the live rules are judged, as configured ("off" when only explicit calls judge them). */
    public String every() {
        return config.liveEvery();
    }

    public Instant lastRun() {
        return lastRun;
    }
}
