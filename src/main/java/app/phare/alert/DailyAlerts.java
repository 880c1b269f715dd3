package app.phare.alert;

import app.phare.insight.Explanations;
import app.phare.insight.InsightRun;
import app.phare.insight.Kpi;
import app.phare.insight.KpiData;
import app.phare.insight.KpiRepository;
import app.phare.tenant.Tenant;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the nightly rules of a tenant once its insights are computed after a run: the KPI over the latest day, the
 * last full week or month of data, against the threshold, the previous period, the same period last year, or the
 * day's anomaly.
 */
@ApplicationScoped
public class DailyAlerts {

    private static final Logger LOG = Logger.getLogger(DailyAlerts.class);

    @Inject
    AlertRuleService rules;

    @Inject
    AlertFiring firing;

    @Inject
    KpiRepository kpis;

    @Inject
    TenantRepository tenants;

    @Inject
    AgroalDataSource dataSource;

    void afterInsights(@Observes InsightRun.InsightsComputed computed) {
        try {
            evaluate(computed.tenantId(), Instant.now());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not evaluate the alert rules of tenant %d", computed.tenantId());
        }
    }

    /** Evaluates every unmuted nightly rule of the tenant; returns the ids of the alerts fired. */
    public List<Long> evaluate(long tenantId, Instant now) {
        record Judged(AlertRule rule, AlertFiring.Finding finding) {
        }
        List<Judged> judged = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<AlertRule> daily = rules.list().stream().filter(r -> !r.live() && !r.muted()).toList();
            if (daily.isEmpty()) {
                return List.<Judged>of();
            }
            Tenant t = tenants.findById(tenantId);
            Explanations.Style style = new Explanations.Style(t.currency.trim(), t.javaLocale());
            Map<Kpi.Family, Optional<KpiData>> data = new EnumMap<>(Kpi.Family.class);
            List<Judged> out = new ArrayList<>();
            for (AlertRule rule : daily) {
                Kpi kpi = rule.kpiValue();
                Optional<KpiData> d = data.computeIfAbsent(kpi.family, f -> kpis.span(tenantId, f).map(span -> {
                    LocalDate from = span[1].minusDays(400).isBefore(span[0]) ? span[0] : span[1].minusDays(400);
                    return kpis.load(tenantId, f, from, span[1], true);
                }));
                d.flatMap(k -> judge(tenantId, rule, kpi, k, style)).ifPresent(f -> out.add(new Judged(rule, f)));
            }
            return out;
        }));
        List<Long> fired = new ArrayList<>();
        for (Judged j : judged) {
            firing.fire(tenantId, j.rule(), j.finding(), now).ifPresent(fired::add);
        }
        return fired;
    }

    private Optional<AlertFiring.Finding> judge(long tenantId, AlertRule rule, Kpi kpi, KpiData data, Explanations.Style style) {
        LocalDate latest = data.day(data.days - 1);
        Periods p = Periods.of(rule.period(), latest);
        if (p.from().isBefore(data.start)) {
            return Optional.empty();
        }
        PeriodValues values = new PeriodValues(data, kpi);
        if (values.volume(p.from(), p.to()) < rule.minVolume()) {
            return Optional.empty();
        }
        double value = values.value(p.from(), p.to());
        String what = kpi.label + " " + PeriodValues.describe(rule.period(), p.from(), p.to(), style.locale());
        String shown = PeriodValues.format(kpi, value, style);
        switch (rule.condition()) {
            case AlertRule.ABOVE, AlertRule.BELOW -> {
                double t = rule.threshold().doubleValue();
                boolean hit = AlertRule.ABOVE.equals(rule.condition()) ? value > t : value < t;
                return hit ? Optional.of(new AlertFiring.Finding(p.key(), value, t, what + ": " + shown + ", "
                        + rule.condition() + " the threshold of " + PeriodValues.format(kpi, t, style) + ".",
                        anomalyText(kpi, rule, p))) : Optional.empty();
            }
            case AlertRule.CHANGE_PREVIOUS, AlertRule.CHANGE_YEAR -> {
                boolean year = AlertRule.CHANGE_YEAR.equals(rule.condition());
                LocalDate rf = year ? p.yearFrom() : p.previousFrom(), rt = year ? p.yearTo() : p.previousTo();
                if (rf.isBefore(data.start)) {
                    return Optional.empty();
                }
                double ref = values.value(rf, rt);
                if (ref == 0) {
                    return Optional.empty();
                }
                double change = (value - ref) / Math.abs(ref);
                if (Math.abs(change) * 100 <= rule.threshold().doubleValue()) {
                    return Optional.empty();
                }
                String against = year ? "the same " + rule.period() + " last year" : "day".equals(rule.period())
                        ? "the same weekday a week before" : "the previous " + rule.period();
                String why = anomalyText(kpi, rule, p);
                return Optional.of(new AlertFiring.Finding(p.key(), value, ref, what + ": " + shown + ", "
                        + Explanations.percent(change, true) + " vs " + against + " (" + PeriodValues.format(kpi, ref, style) + ").",
                        why != null ? why : values.why(p.from(), p.to(), rf, rt)));
            }
            case AlertRule.ANOMALY -> {
                return anomaly(tenantId, kpi, p.to()).map(a -> new AlertFiring.Finding(p.key(), a[0], a[1], what + ": "
                        + PeriodValues.format(kpi, a[0], style) + " where " + PeriodValues.format(kpi, a[1], style)
                        + " was expected.", anomalyText(kpi, rule, p)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The explanation of the day's anomaly of the KPI, for rules judging a day. */
    private String anomalyText(Kpi kpi, AlertRule rule, Periods p) {
        if (!"day".equals(rule.period())) {
            return null;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT explanation FROM insight_anomaly WHERE kpi = ? AND day = ?")) {
            ps.setString(1, kpi.key);
            ps.setDate(2, Date.valueOf(p.to()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<double[]> anomaly(long tenantId, Kpi kpi, LocalDate day) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT actual, expected FROM insight_anomaly WHERE tenant_id = ? AND kpi = ? AND day = ?")) {
            ps.setLong(1, tenantId);
            ps.setString(2, kpi.key);
            ps.setDate(3, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new double[]{rs.getDouble(1), rs.getDouble(2)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
