package app.phare.pipeline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The set-based SQL a run needs on the order-line facts, for one tenant, inside the run's transaction. */
final class FactQueries {

    private FactQueries() {
    }

    /** The tenant's sources whose files load now (not paused, not archived), read inside the attempt's lock. */
    static Set<Long> activeSources(Connection c, long tenantId) throws SQLException {
        Set<Long> ids = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM source WHERE tenant_id = ? AND status = 'active'")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Whether any of these months already has aggregates, i.e. facts from an earlier run: every successful run
     * writes the overall row of each month it touched, in the same transaction as its facts.
     */
    static boolean anyAggregates(Connection c, long tenantId, Set<LocalDate> months) throws SQLException {
        try (PreparedStatement any = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM sales_month WHERE tenant_id = ? AND country = '*' AND channel = '*'
                               AND month = ANY (?))""")) {
            any.setLong(1, tenantId);
            any.setArray(2, c.createArrayOf("date", months.stream().map(java.sql.Date::valueOf).toArray()));
            try (ResultSet rs = any.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Removes this run's lines that an earlier run already loaded for the same source (same day, same hash). */
    static long dropLinesSeenInEarlierRuns(Connection c, long tenantId, long runId, Set<LocalDate> days) throws SQLException {
        Array dayArray = c.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray());
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM order_line n USING order_line o
                WHERE n.tenant_id = ? AND n.run_id = ? AND n.day = ANY (?)
                  AND o.tenant_id = n.tenant_id AND o.run_id <> n.run_id AND o.day = n.day
                  AND o.source_id = n.source_id AND o.line_hash = n.line_hash""")) {
            delete.setLong(1, tenantId);
            delete.setLong(2, runId);
            delete.setArray(3, dayArray);
            return delete.executeUpdate();
        }
    }

    /** BRIN ranges of newly written pages are not summarized until told: unsummarized pages match every query. */
    static void summarizeNewPages(Connection c, String brinIndex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT brin_summarize_new_values(?::regclass)")) {
            ps.setString(1, brinIndex);
            ps.execute();
        }
    }

    /** Keeps the latest description of each sku for display. */
    static void updateProductNames(Connection c, long tenantId, Map<String, String> descriptions) throws SQLException {
        if (descriptions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO product (tenant_id, sku, description)
                SELECT ?, sku, description FROM unnest(?::text[], ?::text[]) AS d (sku, description)
                ON CONFLICT (tenant_id, sku) DO UPDATE SET description = excluded.description""")) {
            ps.setLong(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", descriptions.keySet().toArray()));
            ps.setArray(3, c.createArrayOf("text", descriptions.values().toArray()));
            ps.executeUpdate();
        }
    }

    /** The days, among those given, that still hold lines of this run (after duplicates of earlier runs went). */
    static List<LocalDate> daysOfRun(Connection c, long tenantId, long runId, Set<LocalDate> days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT day FROM order_line WHERE tenant_id = ? AND run_id = ? AND day = ANY (?) ORDER BY 1")) {
            ps.setLong(1, tenantId);
            ps.setLong(2, runId);
            ps.setArray(3, c.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray()));
            List<LocalDate> result = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getDate(1).toLocalDate());
                }
            }
            return result;
        }
    }
}
