package app.phare.report;

import app.phare.common.ProblemException;
import app.phare.report.content.ReportGenerator;
import app.phare.report.content.ReportSpec;
import app.phare.tenant.Tenant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests, lists and serves the tenant's reports (tenant in scope: row-level security applies). A request is
 * validated, then queued once: an identical request (same type, format, period, filters and data as-of) joins the
 * report already queued, running or ready. The workers are woken through the {@code report-requests} channel ({@link ReportWorker#wake}).
 */
@ApplicationScoped
public class ReportService {

    static final String COLUMNS = "id, type, format, from_day, to_day, filters::text, status, stage, progress, error, file_name, "
            + "bytes, data_as_of, created_at, ready_at, expires_at, requested_by";

    /** The answer to a request: the report, and whether this request created it. */
    public record Requested(long reportId, boolean created, String status) {
    }

    /** A ready report's file. */
    public record ReportFile(Path path, String fileName, String contentType) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportGenerator generator;

    @Inject
    ReportFiles files;

    @Inject
    ObjectMapper json;

    @Inject
    ReportWorker worker;

    public Requested request(Tenant tenant, String email, ReportSpec spec) {
        return request(tenant, email, spec, false);
    }

    /** attach: the requester gets the file by e-mail when it is ready (a subscription's delivery). */
    public Requested request(Tenant tenant, String email, ReportSpec spec, boolean attach) {
        generator.validate(spec);
        Map<String, String> filters = new TreeMap<>(spec.filters() == null ? Map.of() : spec.filters());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Instant asOf = dataAsOf(c, tenant.id);
            String key = key(spec, filters, asOf);
            Long id = null;
            boolean created = false;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO report (tenant_id, requested_by, type, format, from_day, to_day, filters, data_as_of, dedupe_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")) {
                ps.setLong(1, tenant.id);
                ps.setString(2, email);
                ps.setString(3, spec.type());
                ps.setString(4, spec.format());
                ps.setObject(5, spec.from());
                ps.setObject(6, spec.to());
                ps.setString(7, json.writeValueAsString(filters));
                ps.setTimestamp(8, asOf == null ? null : Timestamp.from(asOf));
                ps.setString(9, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        created = true;
                    }
                }
            }
            String status = "queued";
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, status FROM report WHERE dedupe_key = ? AND status IN ('queued', 'running', 'ready')")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("an identical report vanished while being joined");
                        }
                        id = rs.getLong(1);
                        status = rs.getString(2);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO report_requester (tenant_id, report_id, email, notified, attach) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (report_id, email) DO UPDATE SET attach = report_requester.attach OR excluded.attach""")) {
                ps.setLong(1, tenant.id);
                ps.setLong(2, id);
                ps.setString(3, email);
                // a ready report needs no notification, it is there; a delivery still goes out (below)
                ps.setBoolean(4, status.equals("ready") && !attach);
                ps.setBoolean(5, attach);
                ps.executeUpdate();
            }
            c.commit();
            if (created) {
                worker.wake("report " + id);
            } else if (attach && status.equals("ready")) {
                worker.deliver(tenant.id, id);
            }
            return new Requested(id, created, status);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not queue the report: " + e.getMessage(), e);
        }
    }

    public ReportView get(long id) {
        return find("WHERE id = ?", id).stream().findFirst().orElseThrow(() -> ProblemException.notFound("report " + id));
    }

    public List<ReportView> latest(int limit) {
        return find("ORDER BY id DESC LIMIT ?", limit);
    }

    /** The file of a ready report; 404 when there is none, 409 while it is not ready. */
    public ReportFile file(long id) {
        ReportView r = get(id);
        if (!r.ready()) {
            throw ProblemException.conflict("status", "report " + id + " is " + r.status() + ", not ready");
        }
        Path path = files.path(tenantOf(id), id, r.fileName());
        if (!java.nio.file.Files.exists(path)) {
            throw ProblemException.notFound("the file of report " + id + " (expired)");
        }
        return new ReportFile(path, r.fileName(), contentType(id));
    }

    /**
     * Asks again for what a failed report was: the same request, on the data as of now. Answers the new report (or the
     * identical one already queued, running or ready); the failed one stays as it was, with its reason.
     */
    public Requested retry(Tenant tenant, long id, String email) {
        ReportView r = get(id);
        if (!r.failed()) {
            throw ProblemException.conflict("status", "report " + id + " is " + r.status() + "; only a failed report is retried");
        }
        return request(tenant, email, new ReportSpec(r.type(), r.from(), r.to(), r.format(), r.filters()));
    }

    private long tenantOf(long id) {
        return scalar("SELECT tenant_id FROM report WHERE id = ?", id);
    }

    private String contentType(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT content_type FROM report WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long scalar(String sql, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReportView> find(String where, Object arg) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM report " + where)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                List<ReportView> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(view(rs, json));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read reports: " + e.getMessage(), e);
        }
    }

    static ReportView view(ResultSet rs, ObjectMapper json) throws SQLException {
        Map<String, String> filters;
        try {
            filters = json.readValue(rs.getString(6), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            filters = Map.of();
        }
        long bytes = rs.getLong(12);
        return new ReportView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), filters, rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10),
                rs.getString(11), rs.wasNull() ? null : bytes, instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)), rs.getString(17));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The data a report reads is as of the tenant's last successful nightly run. */
    private static Instant dataAsOf(Connection c, long tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT max(finished_at) FROM pipeline_run
                WHERE tenant_id = ? AND status = 'succeeded' AND NOT dry_run""")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return instant(rs.getTimestamp(1));
            }
        }
    }

    private static String key(ReportSpec spec, Map<String, String> filters, Instant asOf) {
        String raw = spec.type() + '|' + spec.format() + '|' + spec.from() + '|' + spec.to() + '|' + filters + '|' + asOf;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
