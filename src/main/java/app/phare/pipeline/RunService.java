package app.phare.pipeline;

import app.phare.common.SpreadsheetText;
import app.phare.common.db.SqlValues;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shows the tenant in scope its runs, with steps, files, attempts and rejects, filtered as the history asks. */
@ApplicationScoped
public class RunService {

    @Inject
    PipelineRunRepository runs;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantScope scope;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper jsonMapper;

    /** Filters of the run history; null means any. */
    public record Filter(String job, String status, String trigger, LocalDate day, ZoneId zone, int limit) {

        public static Filter latest(int limit) {
            return new Filter(null, null, null, null, null, limit);
        }
    }

    /** A rejected line, as the run's page lists the first ones. */
    public record Reject(long fileId, long lineNo, String reason, String raw) {
    }

    static final List<String> STATUSES = List.of(PipelineRun.QUEUED, PipelineRun.RUNNING, PipelineRun.SUCCEEDED,
            PipelineRun.FAILED, PipelineRun.INTERRUPTED);
    static final List<String> TRIGGERS = List.of(PipelineRun.BY_USER, PipelineRun.BY_SCHEDULE, PipelineRun.BY_RETRY,
            PipelineRun.BY_RECOVERY, "first-start");

    public Optional<RunView> find(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.findByIdOptional(runId).map(this::view));
    }

    public List<RunView> latest(int limit) {
        return list(Filter.latest(limit));
    }

    /** The tenant's runs, newest first, filtered; 400 naming the filter for an unknown status or trigger. */
    public List<RunView> list(Filter f) {
        if (f.status() != null && !STATUSES.contains(f.status())) {
            throw app.phare.common.ProblemException.badRequest("status", "unknown status '" + f.status() + "'; one of " + STATUSES);
        }
        if (f.trigger() != null && !TRIGGERS.contains(f.trigger())) {
            throw app.phare.common.ProblemException.badRequest("trigger", "unknown trigger '" + f.trigger() + "'; one of " + TRIGGERS);
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (f.job() != null) {
            q.append(" and job = :job");
            params.put("job", f.job());
        }
        if (f.status() != null) {
            q.append(" and status = :status");
            params.put("status", f.status());
        }
        if (f.trigger() != null) {
            q.append(" and triggerKind = :trigger");
            params.put("trigger", f.trigger());
        }
        if (f.day() != null) {
            q.append(" and queuedAt >= :dayStart and queuedAt < :dayEnd");
            params.put("dayStart", f.day().atStartOfDay(f.zone()).toInstant());
            params.put("dayEnd", f.day().plusDays(1).atStartOfDay(f.zone()).toInstant());
        }
        q.append(" order by id desc");
        return QuarkusTransaction.requiringNew().call(() -> runs.find(q.toString(), params).page(0, f.limit()).list()
                .stream().map(this::view).toList());
    }

    /** The first rejected lines of a run, in file and line order. */
    @SuppressWarnings("unchecked")
    public List<Reject> firstRejects(long runId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT file_id, line_no, reason, raw FROM reject WHERE run_id = ?1 ORDER BY file_id, line_no LIMIT ?2""")
                    .setParameter(1, runId).setParameter(2, limit).getResultList();
            return rows.stream().map(r -> new Reject(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    (String) r[2], (String) r[3])).toList();
        });
    }

    @SuppressWarnings("unchecked")
    private RunView view(PipelineRun run) {
        List<Object[]> steps = em.createNativeQuery("""
                SELECT name, rows_read, rows_written, rows_rejected, millis FROM run_step
                WHERE run_id = ?1 ORDER BY position""").setParameter(1, run.id).getResultList();
        List<Object[]> files = em.createNativeQuery("""
                SELECT rf.file_id, sf.original_name, rf.status, rf.error, rf.lines_read, rf.lines_loaded, rf.lines_rejected,
                       rf.duplicates, rf.first_day, rf.last_day, rf.days, CAST(rf.reject_reasons AS text)
                FROM run_file rf LEFT JOIN source_file sf ON sf.id = rf.file_id WHERE rf.run_id = ?1 ORDER BY rf.file_id""")
                .setParameter(1, run.id).getResultList();
        List<Object[]> attempts = em.createNativeQuery("""
                SELECT attempt, started_at, finished_at, error FROM run_attempt WHERE run_id = ?1 ORDER BY attempt""")
                .setParameter(1, run.id).getResultList();
        List<Object> changed = em.createNativeQuery("SELECT unnest(changed_days) FROM pipeline_run WHERE id = ?1")
                .setParameter(1, run.id).getResultList();
        return new RunView(run.id, run.job, run.status, run.triggerKind, run.requestedBy, run.dryRun, run.fromDay,
                run.toDay, run.retryOf, run.queuedAt, run.startedAt, run.finishedAt, run.executedBy,
                steps.stream().map(s -> new RunView.Step((String) s[0], ((Number) s[1]).longValue(),
                        ((Number) s[2]).longValue(), ((Number) s[3]).longValue(), ((Number) s[4]).longValue())).toList(),
                files.stream().map(f -> new RunView.FileOutcome(((Number) f[0]).longValue(), (String) f[1], (String) f[2],
                        (String) f[3], longOrNull(f[4]), longOrNull(f[5]), longOrNull(f[6]), longOrNull(f[7]), SqlValues.date(f[8]),
                        SqlValues.date(f[9]), f[10] == null ? null : ((Number) f[10]).intValue(), reasons((String) f[11]))).toList(),
                attempts.stream().map(a -> new RunView.Attempt(((Number) a[0]).intValue(), SqlValues.instant(a[1]), SqlValues.instant(a[2]),
                        (String) a[3])).toList(),
                RunView.ChangedDays.of(changed.stream().map(SqlValues::date).toList()),
                run.error, run.cpuMillis, run.dbMillis);
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }



    private Map<String, Long> reasons(String json) {
        if (json == null) {
            return null;
        }
        try {
            return jsonMapper.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Long>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run's rejected lines as a CSV download, or 404 when the run is not visible. */
    public jakarta.ws.rs.core.Response rejectsDownload(long runId) {
        find(runId).orElseThrow(() -> app.phare.common.ProblemException.notFound("run " + runId));
        jakarta.ws.rs.core.StreamingOutput body = out -> writeRejects(runId, out);
        return jakarta.ws.rs.core.Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"run-" + runId + "-rejects.csv\"").build();
    }

    /** Writes the run's rejected lines as CSV (file_id, line_no, reason, raw), streaming from the database; text cells are neutralised. */
    public void writeRejects(long runId, OutputStream out) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT file_id, line_no, reason, raw FROM reject WHERE run_id = ? ORDER BY file_id, line_no")) {
            c.setAutoCommit(false);
            ps.setFetchSize(5000);
            ps.setLong(1, runId);
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("file_id,line_no,reason,raw\n");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    w.write(rs.getLong(1) + "," + rs.getLong(2) + "," + csv(rs.getString(3)) + "," + csv(rs.getString(4)) + "\n");
                }
            }
            w.flush();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rejects of run " + runId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A quoted CSV cell, neutralised like the reports' cells so that a spreadsheet does not run it as a formula. */
    private static String csv(String s) {
        return '"' + SpreadsheetText.safe(s).replace("\"", "\"\"") + '"';
    }
}
