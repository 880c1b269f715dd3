package app.phare.quality;

import app.phare.common.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The data-quality reports of the tenant in scope: a run's, per source, and each source's latest with its trend. */
@ApplicationScoped
public class QualityService {

    /** A source's report in one run (its files added up). */
    public record SourceReport(long runId, Instant runAt, long sourceId, String name, String kind, int files, long linesRead,
                               long loaded, long rejected, long duplicates, Map<String, Long> rejectedByReason,
                               Map<String, Double> nullRates, Map<String, Long> checks, List<String> columnsAppeared,
                               List<String> columnsDisappeared, String driftPolicy, List<String> errors) {

        public double rejectRate() {
            return linesRead == 0 ? 0 : (double) rejected / linesRead;
        }
    }

    /** The answer of GET /api/runs/{id}/quality. */
    public record RunQuality(long runId, List<SourceReport> sources) {
    }

    /** A source's latest report and the ones before it. */
    public record SourceTrend(SourceReport latest, List<SourceReport> history) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public RunQuality run(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (em.createNativeQuery("SELECT 1 FROM pipeline_run WHERE id = ?1").setParameter(1, runId).getResultList().isEmpty()) {
                throw ProblemException.notFound("run " + runId);
            }
            return new RunQuality(runId, reports("q.run_id = ?1", runId, Integer.MAX_VALUE));
        });
    }

    /** For each source of the tenant with a report: the latest and up to ten before it, newest first. */
    public List<SourceTrend> trends() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, List<SourceReport>> bySource = new LinkedHashMap<>();
            for (SourceReport r : reports("true", null, 400)) {
                bySource.computeIfAbsent(r.sourceId(), k -> new ArrayList<>()).add(r);
            }
            return bySource.values().stream().map(l -> new SourceTrend(l.get(0), l.subList(0, Math.min(l.size(), 11)))).toList();
        });
    }

    @SuppressWarnings("unchecked")
    private List<SourceReport> reports(String where, Object param, int limit) {
        var query = em.createNativeQuery("""
                SELECT q.run_id, r.started_at, q.source_id, s.name, s.kind, q.lines_read, q.loaded, q.rejected, q.duplicates,
                       CAST(q.rejected_by_reason AS text), CAST(q.null_rates AS text), CAST(q.checks AS text),
                       CAST(q.drift AS text), q.error, CAST(s.options AS text)
                FROM run_quality q JOIN source s ON s.id = q.source_id JOIN pipeline_run r ON r.id = q.run_id
                WHERE """ + " " + where + " ORDER BY q.run_id DESC, s.name, q.file_id LIMIT " + limit);
        if (param != null) {
            query.setParameter(1, param);
        }
        List<Object[]> rows = query.getResultList();
        Map<String, List<Object[]>> grouped = new LinkedHashMap<>();
        for (Object[] r : rows) {
            grouped.computeIfAbsent(r[0] + "/" + r[2], k -> new ArrayList<>()).add(r);
        }
        List<SourceReport> result = new ArrayList<>();
        for (List<Object[]> files : grouped.values()) {
            result.add(merge(files));
        }
        return result;
    }

    private SourceReport merge(List<Object[]> files) {
        Object[] first = files.get(0);
        long read = 0, loaded = 0, rejected = 0, duplicates = 0;
        Map<String, Long> reasons = new TreeMap<>(), checks = new TreeMap<>();
        Map<String, Double> emptyWeighted = new LinkedHashMap<>();
        LinkedHashSet<String> added = new LinkedHashSet<>(), removed = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (Object[] f : files) {
            long fileRead = ((Number) f[5]).longValue();
            read += fileRead;
            loaded += ((Number) f[6]).longValue();
            rejected += ((Number) f[7]).longValue();
            duplicates += ((Number) f[8]).longValue();
            this.<Map<String, Long>>parse((String) f[9], new TypeReference<>() {
            }).forEach((k, v) -> reasons.merge(k, v, Long::sum));
            this.<Map<String, Double>>parse((String) f[10], new TypeReference<>() {
            }).forEach((k, v) -> emptyWeighted.merge(k, v * fileRead, Double::sum));
            this.<Map<String, Long>>parse((String) f[11], new TypeReference<>() {
            }).forEach((k, v) -> checks.merge(k, v, Long::sum));
            Map<String, List<String>> drift = parse((String) f[12], new TypeReference<>() {
            });
            added.addAll(drift.getOrDefault("added", List.of()));
            removed.addAll(drift.getOrDefault("removed", List.of()));
            if (f[13] != null) {
                errors.add((String) f[13]);
            }
        }
        Map<String, Double> nullRates = new LinkedHashMap<>();
        long totalRead = read;
        emptyWeighted.forEach((k, v) -> nullRates.put(k, totalRead == 0 ? 0.0 : Math.round(v / totalRead * 10_000.0) / 10_000.0));
        Map<String, Object> options = parse((String) first[14], new TypeReference<>() {
        });
        Object policy = options.get("driftPolicy");
        Instant at = first[1] == null ? null : first[1] instanceof Instant i ? i : ((java.sql.Timestamp) first[1]).toInstant();
        return new SourceReport(((Number) first[0]).longValue(), at, ((Number) first[2]).longValue(), (String) first[3],
                (String) first[4], files.size(), read, loaded, rejected, duplicates, reasons, nullRates, checks,
                List.copyOf(added), List.copyOf(removed), policy == null ? "warn" : policy.toString(), errors);
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "{}" : text, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
