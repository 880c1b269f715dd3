package app.phare.pipeline;

import app.phare.ingest.SourceFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dry run found in each pending file: lines that would be loaded, rejected (and why), dropped as duplicates,
 * and the days they cover. Gathered inside the attempt before its facts are rolled back, written after.
 */
@ApplicationScoped
public class DryRunReport {

    /** Rejected lines kept per file, to show on the run's page. */
    static final int SAMPLE = 100;

    /** One rejected line. */
    record Reject(long lineNo, String reason, String raw) {
    }

    /** The report of one file. */
    record FileReport(long fileId, String status, String error, long read, long loaded, long rejected, long duplicates,
                      LocalDate firstDay, LocalDate lastDay, int days, Map<String, Long> reasons, List<Reject> sample) {

        static FileReport unreadable(long fileId, String error) {
            return new FileReport(fileId, "failed", error, 0, 0, 0, 0, null, null, 0, Map.of(), List.of());
        }
    }

    @Inject
    ObjectMapper json;

    /** Reads what the loader just did with the file (its rejects are still in this transaction). */
    FileReport of(Connection c, long runId, SourceFile file, long read, long loaded, long rejected, long duplicates,
                  java.util.Set<LocalDate> fileDays) throws SQLException {
        Map<String, Long> reasons = rejectReasons(c, runId, file.id);
        Map<String, Long> byCount = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> byCount.put(e.getKey(), e.getValue()));
        List<Reject> sample = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT line_no, reason, raw FROM reject WHERE run_id = ? AND file_id = ? ORDER BY line_no LIMIT " + SAMPLE)) {
            ps.setLong(1, runId);
            ps.setLong(2, file.id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sample.add(new Reject(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        var days = new java.util.TreeSet<>(fileDays);
        return new FileReport(file.id, "checked", null, read, loaded, rejected,
                duplicates, days.isEmpty() ? null : days.first(), days.isEmpty() ? null : days.last(), days.size(),
                byCount, sample);
    }

    /** How many of the file's lines this run rejected, by kind of reason (see {@link #kind}). */
    static Map<String, Long> rejectReasons(Connection c, long runId, long fileId) throws SQLException {
        Map<String, Long> reasons = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT reason, count(*) FROM reject WHERE run_id = ? AND file_id = ? GROUP BY reason")) {
            ps.setLong(1, runId);
            ps.setLong(2, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reasons.merge(kind(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
        }
        return reasons;
    }

    /**
     * A reason without the line's own values, to count lines by why they were rejected: "unit price must be positive,
     * was -2.5" → "unit price must be positive, was …", "timestamp '31/02/2011' does not match …" → "timestamp … does
     * not match …"; reasons without values ("quantity is 0") stay as they are.
     */
    static String kind(String reason) {
        return reason.replaceAll("'[^']*'", "…").replaceAll("was -?\\d[\\d.,]*", "was …")
                .replaceAll("^(quantity|unit price) \\S+ is too large", "$1 … is too large");
    }

    /** Writes the reports (file outcomes and rejected-line samples) in the run's transaction. */
    void write(Connection c, long tenantId, long runId, List<FileReport> reports) throws SQLException {
        try (PreparedStatement file = c.prepareStatement("""
                INSERT INTO run_file (tenant_id, run_id, file_id, status, error, lines_read, lines_loaded, lines_rejected,
                                      duplicates, first_day, last_day, days, reject_reasons)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""");
             PreparedStatement reject = c.prepareStatement(
                     "INSERT INTO reject (tenant_id, run_id, file_id, line_no, reason, raw) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (FileReport r : reports) {
                file.setLong(1, tenantId);
                file.setLong(2, runId);
                file.setLong(3, r.fileId());
                file.setString(4, r.status());
                file.setString(5, r.error());
                file.setLong(6, r.read());
                file.setLong(7, r.loaded());
                file.setLong(8, r.rejected());
                file.setLong(9, r.duplicates());
                file.setObject(10, r.firstDay());
                file.setObject(11, r.lastDay());
                file.setInt(12, r.days());
                file.setString(13, toJson(r.reasons()));
                file.addBatch();
                for (Reject x : r.sample()) {
                    reject.setLong(1, tenantId);
                    reject.setLong(2, runId);
                    reject.setLong(3, r.fileId());
                    reject.setLong(4, x.lineNo());
                    reject.setString(5, x.reason());
                    reject.setString(6, x.raw());
                    reject.addBatch();
                }
            }
            file.executeBatch();
            reject.executeBatch();
        }
    }

    private String toJson(Map<String, Long> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
