package app.phare.pipeline;

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
import java.util.List;
import java.util.Optional;

/** Requests runs and shows them (with steps, files and rejects) to the tenant in scope. */
@ApplicationScoped
public class RunService {

    @Inject
    PipelineService pipeline;

    @Inject
    NightlySchedule schedule;

    @Inject
    PipelineRunRepository runs;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantScope scope;

    /** Queues a nightly run for the tenant in scope and hands it to Quartz; returns the run id. */
    public long requestNightly(String requestedBy) {
        long tenant = scope.requireTenant();
        long runId = pipeline.queue(tenant, "manual", requestedBy);
        schedule.fireNow(tenant, runId);
        return runId;
    }

    public Optional<RunView> find(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.findByIdOptional(runId).map(this::view));
    }

    public List<RunView> latest(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> runs.latest(limit).stream().map(this::view).toList());
    }

    @SuppressWarnings("unchecked")
    private RunView view(PipelineRun run) {
        List<Object[]> steps = em.createNativeQuery("""
                SELECT name, rows_read, rows_written, rows_rejected, millis FROM run_step
                WHERE run_id = ?1 ORDER BY position""").setParameter(1, run.id).getResultList();
        List<Object[]> files = em.createNativeQuery("""
                SELECT file_id, status, error FROM run_file WHERE run_id = ?1 ORDER BY file_id""")
                .setParameter(1, run.id).getResultList();
        return new RunView(run.id, run.job, run.status, run.triggerKind, run.requestedBy, run.queuedAt, run.startedAt,
                run.finishedAt,
                steps.stream().map(s -> new RunView.Step((String) s[0], ((Number) s[1]).longValue(),
                        ((Number) s[2]).longValue(), ((Number) s[3]).longValue(), ((Number) s[4]).longValue())).toList(),
                files.stream().map(f -> new RunView.FileOutcome(((Number) f[0]).longValue(), (String) f[1], (String) f[2])).toList(),
                run.error);
    }

    /** The run's rejected lines as a CSV download, or 404 when the run is not visible. */
    public jakarta.ws.rs.core.Response rejectsDownload(long runId) {
        find(runId).orElseThrow(() -> app.phare.common.ProblemException.notFound("run " + runId));
        jakarta.ws.rs.core.StreamingOutput body = out -> writeRejects(runId, out);
        return jakarta.ws.rs.core.Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"run-" + runId + "-rejects.csv\"").build();
    }

    /** Writes the run's rejected lines as CSV (file_id, line_no, reason, raw), streaming from the database. */
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

    private static String csv(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
