package app.phare.pipeline;

import app.phare.ingest.FileQuality;
import app.phare.ingest.SourceFile;
import app.phare.source.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality report of a run, per file: gathered in the attempt right after each file is loaded (its rejects
 * are still there, even in a dry run), and written with the run's outcome. Also decides schema drift: columns that
 * appeared or disappeared against the source's previous file.
 */
@ApplicationScoped
public class QualityReport {

    /** Columns that appeared and disappeared against the source's previous file. */
    public record Drift(List<String> added, List<String> removed) {
        public boolean any() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** The report of one file. */
    record Entry(long sourceId, long fileId, long read, long loaded, long rejected, long duplicates,
                 Map<String, Long> rejectedByReason, Map<String, Double> nullRates, Map<String, Long> checks,
                 List<String> header, Drift drift, String error) {
    }

    @Inject
    ObjectMapper json;

    /** The report of a file just loaded in this transaction. */
    Entry of(Connection c, long runId, SourceFile file, Source source, long read, long loaded, long rejected, long duplicates,
             FileQuality quality, Drift drift) throws SQLException {
        return new Entry(source.id, file.id, read, loaded, rejected, duplicates, DryRunReport.rejectReasons(c, runId, file.id),
                quality.nullRates(source.mapping.columns().keySet()), quality.checks(), quality.header(), drift, null);
    }

    /** The report of a file that could not be read. */
    static Entry unreadable(Source source, SourceFile file, String error) {
        return new Entry(source.id, file.id, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), List.of(),
                new Drift(List.of(), List.of()), error);
    }

    /** Columns of this header against the source's previous file (in this run, or the latest report before it). */
    Drift drift(Connection c, long tenantId, Source source, List<String> header, Map<Long, List<String>> seenInRun)
            throws SQLException {
        if (header.isEmpty()) {
            return new Drift(List.of(), List.of());
        }
        List<String> previous = seenInRun.get(source.id);
        if (previous == null) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT header FROM run_quality WHERE tenant_id = ? AND source_id = ? AND cardinality(header) > 0
                    ORDER BY run_id DESC, file_id DESC LIMIT 1""")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, source.id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        previous = List.of((String[]) rs.getArray(1).getArray());
                    }
                }
            }
        }
        seenInRun.put(source.id, header);
        if (previous == null) {
            return new Drift(List.of(), List.of());
        }
        List<String> added = new ArrayList<>(header);
        added.removeAll(previous);
        List<String> removed = new ArrayList<>(previous);
        removed.removeAll(header);
        return new Drift(added, removed);
    }

    void write(Connection c, long tenantId, long runId, List<Entry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO run_quality (tenant_id, run_id, source_id, file_id, lines_read, loaded, rejected, duplicates,
                                         rejected_by_reason, null_rates, checks, header, drift, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?)""")) {
            for (Entry e : entries) {
                ps.setLong(1, tenantId);
                ps.setLong(2, runId);
                ps.setLong(3, e.sourceId());
                ps.setLong(4, e.fileId());
                ps.setLong(5, e.read());
                ps.setLong(6, e.loaded());
                ps.setLong(7, e.rejected());
                ps.setLong(8, e.duplicates());
                ps.setString(9, toJson(e.rejectedByReason()));
                ps.setString(10, toJson(e.nullRates()));
                ps.setString(11, toJson(e.checks()));
                ps.setArray(12, c.createArrayOf("text", e.header().toArray()));
                Map<String, Object> drift = new LinkedHashMap<>();
                drift.put("added", e.drift().added());
                drift.put("removed", e.drift().removed());
                ps.setString(13, toJson(drift));
                ps.setString(14, e.error());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
