package app.phare.pipeline;

import app.phare.aggregate.Accumulation;
import app.phare.aggregate.SalesAggregator;
import app.phare.common.LongPairSet;
import app.phare.ingest.FileUnreadableException;
import app.phare.ingest.OrderLineLoader;
import app.phare.ingest.SourceFile;
import app.phare.ingest.SourceFileRepository;
import app.phare.source.Source;
import app.phare.source.SourceRepository;
import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nightly pipeline of one tenant: ingest and clean the pending files, merge them into the order-line facts,
 * rebuild the sales aggregates of the affected days. Everything but the run's own status happens in one database
 * transaction, so a failed run leaves no partial facts or aggregates. Bulk SQL runs as trusted system code with
 * explicit tenant filters, because COPY cannot run under row-level security.
 */
@ApplicationScoped
public class PipelineService {

    private static final Logger LOG = Logger.getLogger(PipelineService.class);
    public static final String NIGHTLY = "nightly";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PipelineRunRepository runs;

    @Inject
    TenantRepository tenants;

    @Inject
    SourceRepository sources;

    @Inject
    SourceFileRepository files;

    @Inject
    OrderLineLoader loader;

    @Inject
    SalesAggregator aggregator;

    /** Records a queued run of the tenant's nightly job and returns its id. */
    public long queue(long tenantId, String trigger, String requestedBy) {
        return TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            PipelineRun run = new PipelineRun();
            run.tenantId = tenantId;
            run.job = NIGHTLY;
            run.status = PipelineRun.QUEUED;
            run.triggerKind = trigger;
            run.requestedBy = requestedBy;
            runs.persist(run);
            runs.flush();
            return run.id;
        }));
    }

    /** Executes a queued run; a run that is not queued any more (already taken) is left alone. */
    public void execute(long runId) {
        TenantScope.runAs(null, () -> {
            Work work = start(runId);
            if (work == null) {
                return;
            }
            try {
                List<RunView.Step> steps = run(runId, work);
                LOG.infof("run %d of tenant %d succeeded: %s", runId, work.tenantId, steps);
            } catch (Exception e) {
                LOG.errorf(e, "run %d of tenant %d failed", runId, work.tenantId);
                fail(runId, describe(e));
            }
        });
    }

    /** What a run needs to know about its tenant: its timezone, its sources and their pending files. */
    private record Work(long tenantId, ZoneId zone, Map<Long, Source> sources, List<SourceFile> pending) {
    }

    private Work start(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PipelineRun run = runs.findById(runId);
            if (run == null || !PipelineRun.QUEUED.equals(run.status)) {
                return null;
            }
            run.status = PipelineRun.RUNNING;
            run.startedAt = Instant.now();
            ZoneId zone = tenants.findById(run.tenantId).zone();
            Map<Long, Source> bySource = new HashMap<>();
            sources.list("tenantId", run.tenantId).forEach(s -> bySource.put(s.id, s));
            List<SourceFile> pending = files.list("tenantId = ?1 and status = ?2 order by id", run.tenantId, SourceFile.PENDING);
            return new Work(run.tenantId, zone, bySource, pending);
        });
    }

    private List<RunView.Step> run(long runId, Work work) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, 7070002);
                    lock.setInt(2, (int) work.tenantId);
                    lock.execute();
                }
                try (Statement st = c.createStatement()) {
                    // statistics are stale right after a bulk load in this transaction: without this the planner
                    // scans every tenant's facts instead of using the (tenant_id, day) BRIN index
                    st.execute("SET LOCAL enable_seqscan = off");
                }
                List<RunView.Step> steps = new ArrayList<>();
                Set<LocalDate> days = new TreeSet<>();

                long started = System.nanoTime();
                long read = 0, written = 0, rejected = 0, duplicates = 0;
                Map<Long, LongPairSet> seenBySource = new HashMap<>();
                Map<String, String> descriptions = new HashMap<>();
                Accumulation loadedLines = new Accumulation(null, SalesAggregator.IN_MEMORY_LINES);
                for (SourceFile file : work.pending) {
                    Source source = work.sources.get(file.sourceId);
                    LongPairSet seen = seenBySource.computeIfAbsent(file.sourceId, k -> new LongPairSet(1 << 16));
                    Savepoint savepoint = c.setSavepoint();
                    long accumulatedBefore = loadedLines.lines();
                    try {
                        OrderLineLoader.Loaded loaded = loader.load(c, runId, file, source, work.zone, seen, loadedLines::add);
                        c.releaseSavepoint(savepoint);
                        seen.addAll(loaded.hashes());
                        days.addAll(loaded.days());
                        descriptions.putAll(loaded.descriptions());
                        read += loaded.linesRead();
                        written += loaded.linesWritten();
                        rejected += loaded.linesRejected();
                        duplicates += loaded.duplicates();
                        fileOutcome(c, runId, file, SourceFile.PROCESSED, null);
                    } catch (FileUnreadableException e) {
                        c.rollback(savepoint);
                        if (loadedLines.lines() != accumulatedBefore) {
                            loadedLines.abandon();
                        }
                        fileOutcome(c, runId, file, SourceFile.FAILED, e.getMessage());
                    }
                }
                long clean = written + duplicates;
                steps.add(new RunView.Step("ingest-and-clean", read, clean, rejected, millisSince(started)));

                // months that already hold facts from earlier runs need de-duplication and a rebuild from the facts;
                // otherwise the lines just loaded are all there is, and their in-memory aggregation is exact
                started = System.nanoTime();
                boolean earlierFacts = !days.isEmpty() && anyAggregates(c, work.tenantId, SalesAggregator.monthsOf(days));
                long dropped = 0;
                if (earlierFacts) {
                    summarizeNewPages(c, "order_line_day_idx");
                    dropped = dropLinesSeenInEarlierRuns(c, work.tenantId, runId, days);
                }
                steps.add(new RunView.Step("merge", clean, written - dropped, duplicates + dropped, millisSince(started)));

                started = System.nanoTime();
                SalesAggregator.Rebuilt rebuilt;
                if (days.isEmpty()) {
                    rebuilt = new SalesAggregator.Rebuilt(0, 0);
                } else if (earlierFacts || loadedLines.abandoned()) {
                    loadedLines.abandon();
                    summarizeNewPages(c, "order_line_day_idx");
                    rebuilt = aggregator.rebuild(c, work.tenantId, days);
                } else {
                    rebuilt = aggregator.write(c, work.tenantId, loadedLines);
                }
                updateProductNames(c, work.tenantId, descriptions);
                steps.add(new RunView.Step("aggregate", rebuilt.linesRead(), rebuilt.rowsWritten(), 0, millisSince(started)));

                succeed(c, runId, steps);
                c.commit();
                return steps;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Whether any of these months already has aggregates, i.e. facts from an earlier run: every successful run
     * writes the overall row of each month it touched, in the same transaction as its facts.
     */
    private static boolean anyAggregates(Connection c, long tenantId, Set<LocalDate> months) throws SQLException {
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
    private long dropLinesSeenInEarlierRuns(Connection c, long tenantId, long runId, Set<LocalDate> days) throws SQLException {
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

    private static void updateProductNames(Connection c, long tenantId, Map<String, String> descriptions) throws SQLException {
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

    private static void fileOutcome(Connection c, long runId, SourceFile file, String status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_file (tenant_id, run_id, file_id, status, error) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, file.tenantId);
            ps.setLong(2, runId);
            ps.setLong(3, file.id);
            ps.setString(4, status);
            ps.setString(5, error);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE source_file SET status = ?, error = ?, processed_at = now(), run_id = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setLong(3, runId);
            ps.setLong(4, file.id);
            ps.executeUpdate();
        }
    }

    private static void succeed(Connection c, long runId, List<RunView.Step> steps) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO run_step (tenant_id, run_id, position, name, rows_read, rows_written, rows_rejected, millis)
                SELECT tenant_id, id, ?, ?, ?, ?, ?, ? FROM pipeline_run WHERE id = ?""")) {
            int position = 0;
            for (RunView.Step s : steps) {
                ps.setInt(1, position++);
                ps.setString(2, s.name());
                ps.setLong(3, s.rowsRead());
                ps.setLong(4, s.rowsWritten());
                ps.setLong(5, s.rowsRejected());
                ps.setLong(6, s.millis());
                ps.setLong(7, runId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE pipeline_run SET status = 'succeeded', finished_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
        // delivered by PostgreSQL at commit, to every instance listening on channel pipeline_run
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('pipeline_run', ?)")) {
            ps.setString(1, runId + " succeeded");
            ps.execute();
        }
    }

    private void fail(long runId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            PipelineRun run = runs.findById(runId);
            run.status = PipelineRun.FAILED;
            run.finishedAt = Instant.now();
            run.error = error;
        });
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
