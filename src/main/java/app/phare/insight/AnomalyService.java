package app.phare.insight;

import app.phare.insight.stats.Anomaly;
import app.phare.insight.stats.AnomalyDetector;
import app.phare.insight.stats.Attribution;
import app.phare.insight.stats.Contribution;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the unusual days of each daily KPI after a nightly run: each day the run changed (within the last year of
 * data) against its seasonal baseline, with a minimum volume so quiet days raise no noise, explained by the
 * dimension values that carry the deviation. Replaces what was found earlier for those days.
 */
@ApplicationScoped
public class AnomalyService {

    /** Days before the first day checked that the baseline needs. */
    static final int BASELINE_DAYS = 63;
    /** How far back from the latest day anomalies are looked for. */
    static final int LOOKBACK_DAYS = 366;

    /** One anomaly found, with its explanation. */
    public record Found(Kpi kpi, LocalDate day, Anomaly anomaly, List<Contribution> why, String explanation) {
    }

    @Inject
    KpiRepository kpis;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A stored anomaly as pages and the API show it. */
    public record Stored(String kpi, String label, LocalDate day, double expected, double actual, double score, Double change,
                         String explanation) {

        public String scoreText() {
            return String.format(java.util.Locale.ROOT, "%+.1f", score);
        }
    }

    /** Stored anomalies between two days, newest first; of some KPIs only when given (tenant in scope). */
    public List<Stored> between(LocalDate from, LocalDate to, Collection<Kpi> only, int limit) {
        String sql = "SELECT kpi, day, expected, actual, score, change, explanation FROM insight_anomaly WHERE day BETWEEN ? AND ?"
                + (only.isEmpty() ? "" : " AND kpi = ANY (?)") + " ORDER BY day DESC, abs(score) DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int at = 1;
            ps.setDate(at++, Date.valueOf(from));
            ps.setDate(at++, Date.valueOf(to));
            if (!only.isEmpty()) {
                ps.setArray(at++, c.createArrayOf("text", only.stream().map(k -> k.key).toArray()));
            }
            ps.setInt(at, limit);
            List<Stored> out = new ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    out.add(new Stored(key, Kpi.of(key).map(k -> k.label).orElse(key), rs.getDate(2).toLocalDate(), rs.getDouble(3),
                            rs.getDouble(4), rs.getDouble(5), (Double) rs.getObject(6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read anomalies: " + e.getMessage(), e);
        }
    }

    /** Detects and stores the anomalies of the given days (in the caller's tenant scope); returns those found. */
    public List<Found> detect(long tenantId, Collection<LocalDate> days, Long runId, Explanations.Style style) {
        List<Found> found = new ArrayList<>();
        for (Kpi.Family family : List.of(Kpi.Family.SALES, Kpi.Family.ADS, Kpi.Family.DEALS)) {
            Optional<LocalDate[]> span = kpis.span(tenantId, family);
            if (span.isEmpty()) {
                continue;
            }
            LocalDate first = span.get()[0], last = span.get()[1];
            LocalDate earliest = last.minusDays(LOOKBACK_DAYS);
            // ad and deal runs do not record changed days, and their tables are small: their whole last year is checked
            Collection<LocalDate> wanted = family == Kpi.Family.SALES ? days
                    : earliest.datesUntil(last.plusDays(1)).toList();
            List<LocalDate> checked = wanted.stream().filter(d -> !d.isBefore(earliest) && !d.isBefore(first) && !d.isAfter(last))
                    .sorted().toList();
            if (checked.isEmpty()) {
                continue;
            }
            LocalDate from = checked.get(0).minusDays(BASELINE_DAYS).isBefore(first) ? first : checked.get(0).minusDays(BASELINE_DAYS);
            KpiData data = kpis.load(tenantId, family, from, last, true);
            List<Found> ofFamily = new ArrayList<>();
            for (Kpi kpi : Kpi.daily()) {
                if (kpi.family != family || !data.has(kpi)) {
                    continue;
                }
                AnomalyDetector detector = detector(family);
                for (LocalDate day : checked) {
                    int i = data.index(day);
                    detector.check(data.total(kpi), data.volume(kpi), i)
                            .ifPresent(a -> ofFamily.add(explain(kpi, day, a, data, i, detector, style)));
                }
            }
            store(tenantId, family, checked, ofFamily, runId);
            found.addAll(ofFamily);
        }
        return found;
    }

    /** The detector of a family: the volume guard is in orders, clicks or won deals. */
    static AnomalyDetector detector(Kpi.Family family) {
        return switch (family) {
            case ADS -> AnomalyDetector.standard().withMinVolume(20);
            case DEALS -> AnomalyDetector.standard().withMinVolume(3);
            default -> AnomalyDetector.standard();
        };
    }

    private static Found explain(Kpi kpi, LocalDate day, Anomaly a, KpiData data, int i, AnomalyDetector detector,
                                 Explanations.Style style) {
        // a dimension with one value (every order "web", or no channel in the export) explains nothing
        Map<String, Map<String, double[]>> informative = new java.util.HashMap<>();
        data.dimensions(kpi).forEach((dimension, values) -> {
            if (values.size() > 1) {
                informative.put(dimension, values);
            }
        });
        List<Contribution> why = Attribution.explain(informative, i, detector);
        Contribution second = null;
        if (!why.isEmpty() && "country".equals(why.get(0).dimension())) {
            Map<String, double[]> channels = data.channelsOf(kpi, why.get(0).value());
            if (channels.size() > 1) {
                List<Contribution> within = Attribution.explain(Map.of("channel", channels), i, detector);
                if (!within.isEmpty() && within.get(0).share() >= 0.6) {
                    second = within.get(0);
                }
            }
        }
        return new Found(kpi, day, a, why, Explanations.sentence(kpi, day, a, why, second, style));
    }

    private void store(long tenantId, Kpi.Family family, List<LocalDate> checked, List<Found> found, Long runId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM insight_anomaly WHERE tenant_id = ? AND kpi = ANY (?) AND day = ANY (?)")) {
                del.setLong(1, tenantId);
                del.setArray(2, c.createArrayOf("text", Kpi.daily().stream().filter(k -> k.family == family).map(k -> k.key).toArray()));
                del.setArray(3, c.createArrayOf("date", checked.stream().map(Date::valueOf).toArray()));
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO insight_anomaly (tenant_id, kpi, day, expected, actual, score, change, explanation, contributions, run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
                for (Found f : found) {
                    ins.setLong(1, tenantId);
                    ins.setString(2, f.kpi().key);
                    ins.setDate(3, Date.valueOf(f.day()));
                    ins.setDouble(4, f.anomaly().expected());
                    ins.setDouble(5, f.anomaly().actual());
                    ins.setDouble(6, f.anomaly().score());
                    ins.setObject(7, Double.isNaN(f.anomaly().change()) ? null : f.anomaly().change());
                    ins.setString(8, f.explanation());
                    ins.setString(9, json.writeValueAsString(f.why()));
                    ins.setObject(10, runId);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store anomalies: " + e.getMessage(), e);
        }
    }
}
