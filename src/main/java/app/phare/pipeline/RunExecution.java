package app.phare.pipeline;

import app.phare.aggregate.Accumulation;
import app.phare.aggregate.SalesAggregator;
import app.phare.common.LongPairSet;
import app.phare.ingest.FileUnreadableException;
import app.phare.ingest.KindLoader;
import app.phare.ingest.RecordLoader;
import app.phare.ingest.OrderLineLoader;
import app.phare.ingest.SourceFile;
import app.phare.ingest.SourceFileRepository;
import app.phare.source.Source;
import app.phare.source.SourceKind;
import app.phare.source.SourceRepository;
import app.phare.tenant.TenantRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * One attempt of a run, in one database transaction: ingest and clean the pending files, merge them into the
 * order-line facts, rebuild the aggregates of the affected days (a nightly run); or the same up to the merge and then
 * a rollback, keeping only the report (a dry run); or re-derive the aggregates of a date range from the facts (a
 * backfill). A failed attempt leaves no partial facts or aggregates. Bulk SQL runs as trusted system code with
 * explicit tenant filters, because COPY cannot run under row-level security.
 */
@ApplicationScoped
public class RunExecution {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RunExecution.class);

    /** What an attempt needs to know: the run, its tenant's timezone, sources and pending files. */
    public record Work(long runId, long tenantId, String job, boolean dryRun, LocalDate from, LocalDate to, ZoneId zone,
                       Map<Long, Source> sources, List<SourceFile> pending) {
    }

    /** Fired (synchronously, inside the attempt's transaction) as each step starts; an observer may veto it. */
    public record StepStarting(long tenantId, long runId, String step, int attempt) {
    }

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

    @Inject
    DryRunReport dryRunReport;

    @Inject
    QualityReport qualityReport;

    @Inject
    app.phare.ingest.PullService pulls;

    @Inject
    jakarta.enterprise.inject.Instance<KindLoader> kindLoaders;

    @Inject
    app.phare.stock.StockAggregator stock;

    @Inject
    Event<StepStarting> stepStarting;

    /** Marks a queued run running and gathers its work; null when the run is not queued (taken or ended). */
    Work start(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PipelineRun run = runs.findById(runId);
            if (run == null || !PipelineRun.QUEUED.equals(run.status)) {
                return null;
            }
            run.status = PipelineRun.RUNNING;
            run.startedAt = Instant.now();
            run.executedBy = PipelineRun.THIS_INSTANCE;
            return work(run);
        });
    }

    /** Pulls the new records of the tenant's pull sources into pending files (nightly runs only); true if any arrived. */
    boolean pull(Work work) {
        if (work.dryRun() || work.from() != null) {
            return false;
        }
        boolean any = false;
        for (Source source : work.sources().values()) {
            if (source.pull != null && source.active()) {
                try {
                    any |= pulls.pull(source);
                } catch (app.phare.ingest.PullClient.PullFailed | IOException | RuntimeException e) {
                    // this source's pull fails alone; the run goes on with the other sources
                    String reason = "pulling source '" + source.name + "' failed: " + FileFailures.describePull(e);
                    pulls.recordFailure(source, work.runId(), reason);
                }
            }
        }
        return any;
    }

    /** The same run's work again, for a retry: files may have arrived meanwhile. */
    Work reload(Work work) {
        return QuarkusTransaction.requiringNew().call(() -> work(runs.findById(work.runId())));
    }

    private Work work(PipelineRun run) {
        ZoneId zone = tenants.findById(run.tenantId).zone();
        Map<Long, Source> bySource = new HashMap<>();
        sources.list("tenantId", run.tenantId).forEach(s -> bySource.put(s.id, s));
        // a paused or archived source's files wait: they are not the run's
        List<SourceFile> pending = run.backfill() ? List.of()
                : files.list("tenantId = ?1 and status = ?2 order by id", run.tenantId, SourceFile.PENDING).stream()
                .filter(f -> bySource.get(f.sourceId) != null && bySource.get(f.sourceId).active()).toList();
        return new Work(run.id, run.tenantId, run.job, run.dryRun, run.fromDay, run.toDay, zone, bySource, pending);
    }

    void attemptStarted(Work work, int attempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            PipelineRun run = runs.findById(work.runId());
            run.attempts = attempt;
            runs.getEntityManager().createNativeQuery("""
                    INSERT INTO run_attempt (tenant_id, run_id, attempt, started_at) VALUES (?1, ?2, ?3, now())""")
                    .setParameter(1, work.tenantId()).setParameter(2, work.runId()).setParameter(3, attempt).executeUpdate();
        });
    }

    void attemptEnded(Work work, int attempt, String error) {
        QuarkusTransaction.requiringNew().run(() -> runs.getEntityManager().createNativeQuery("""
                        UPDATE run_attempt SET finished_at = now(), error = ?1 WHERE run_id = ?2 AND attempt = ?3""")
                .setParameter(1, error).setParameter(2, work.runId()).setParameter(3, attempt).executeUpdate());
    }

    void fail(long runId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            PipelineRun run = runs.findById(runId);
            if (!PipelineRun.RUNNING.equals(run.status)) {
                return;
            }
            run.status = PipelineRun.FAILED;
            run.finishedAt = Instant.now();
            run.error = error;
        });
    }

    /** One attempt; commits and returns the steps on success, rolls everything back and throws on failure. */
    List<RunView.Step> attempt(Work work, int attempt) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, 7070002);
                    lock.setInt(2, (int) work.tenantId());
                    lock.execute();
                }
                try (Statement st = c.createStatement()) {
                    // statistics are stale right after a bulk load in this transaction: without this the planner
                    // scans every tenant's facts instead of using the (tenant_id, day) BRIN index
                    st.execute("SET LOCAL enable_seqscan = off");
                }
                stillRunning(c, work.runId());
                Set<LocalDate> changed = new TreeSet<>();
                List<RunView.Step> steps = work.from() != null ? backfill(c, work, attempt, changed)
                        : ingest(c, work, attempt, changed);
                succeed(c, work.runId(), steps, changed);
                c.commit();
                return steps;
            } catch (Throwable e) {
                // whatever went wrong (an Error too), nothing of the attempt may be committed when the pool resets
                c.rollback();
                throw e;
            }
        }
    }

    /** Thrown when a run is no longer this instance's to finish (recovery marked it interrupted). */
    static final class RunTakenOver extends RuntimeException {
        RunTakenOver(long runId) {
            super("run " + runId + " was marked interrupted meanwhile; it is not this instance's any more");
        }
    }

    /**
     * Locks the run's row for the attempt's transaction and checks it is still running: recovery, which skips locked
     * rows, cannot mark it interrupted while the attempt works, and an attempt cannot resume a run recovery took over.
     */
    private static void stillRunning(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM pipeline_run WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, runId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !PipelineRun.RUNNING.equals(rs.getString(1))) {
                    throw new RunTakenOver(runId);
                }
            }
        }
    }

    /** The file's columns against the source's previous file; refuses the file when the source's policy is fail. */
    private QualityReport.Drift drift(Connection c, Work work, Source source, List<String> header,
                                      Map<Long, List<String>> headersInRun) throws SQLException, FileUnreadableException {
        QualityReport.Drift drift = qualityReport.drift(c, work.tenantId(), source, header, headersInRun);
        if (drift.any() && "fail".equals(source.options.driftPolicy())) {
            throw new FileUnreadableException("the columns changed against the source's previous file (appeared: "
                    + drift.added() + ", disappeared: " + drift.removed() + ") and the source's drift policy is fail");
        }
        return drift.any() && "ignore".equals(source.options.driftPolicy()) ? new QualityReport.Drift(List.of(), List.of()) : drift;
    }

    private KindLoader kindLoader(SourceKind kind) {
        for (KindLoader l : kindLoaders) {
            if (l.kind() == kind) {
                return l;
            }
        }
        throw new IllegalStateException("no loader for sources of kind " + kind);
    }

    private void step(Work work, String name, int attempt) {
        stepStarting.fire(new StepStarting(work.tenantId(), work.runId(), name, attempt));
    }

    /** Re-derives the aggregates of every day in the run's range from the facts. */
    private List<RunView.Step> backfill(Connection c, Work work, int attempt, Set<LocalDate> changed) throws SQLException {
        step(work, "backfill", attempt);
        long started = System.nanoTime();
        for (LocalDate d = work.from(); !d.isAfter(work.to()); d = d.plusDays(1)) {
            changed.add(d);
        }
        SalesAggregator.Rebuilt rebuilt = aggregator.rebuild(c, work.tenantId(), changed);
        return List.of(new RunView.Step("backfill", rebuilt.linesRead(), rebuilt.rowsWritten(), 0, millisSince(started)));
    }

    /**
     * The loaded order lines are aggregated in memory as they are written while the heap budget lasts (see
     * {@link Accumulation}); otherwise, or when earlier facts share their months, the aggregates are rebuilt from the
     * facts month by month.
     */
    private List<RunView.Step> ingest(Connection c, Work work, int attempt, Set<LocalDate> changed)
            throws SQLException, IOException {
        Accumulation loadedLines = Accumulation.withinHeapBudget(work.dryRun() ? 0 : Long.MAX_VALUE);
        try {
            return ingest(c, work, attempt, changed, loadedLines);
        } finally {
            loadedLines.abandon();
        }
    }

    private List<RunView.Step> ingest(Connection c, Work work, int attempt, Set<LocalDate> changed, Accumulation loadedLines)
            throws SQLException, IOException {
        List<RunView.Step> steps = new ArrayList<>();
        Savepoint beforeFacts = work.dryRun() ? c.setSavepoint() : null;
        step(work, "ingest-and-clean", attempt);
        long started = System.nanoTime();
        long read = 0, written = 0, rejected = 0, duplicates = 0;
        Map<Long, LongPairSet> seenBySource = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        Set<LocalDate> days = new TreeSet<>();
        List<DryRunReport.FileReport> reports = new ArrayList<>();
        Map<KindLoader, Set<LocalDate>> kindDays = new java.util.LinkedHashMap<>();
        List<QualityReport.Entry> qualityEntries = new ArrayList<>();
        Map<Long, List<String>> headersInRun = new HashMap<>();
        Set<Long> activeNow = FactQueries.activeSources(c, work.tenantId());
        for (SourceFile file : work.pending()) {
            Source source = work.sources().get(file.sourceId);
            if (!activeNow.contains(file.sourceId)) {
                continue; // paused or archived since the run started: the file waits
            }
            LongPairSet seen = seenBySource.computeIfAbsent(file.sourceId, k -> new LongPairSet(1 << 16));
            Savepoint savepoint = c.setSavepoint();
            long accumulatedBefore = loadedLines.lines();
            try {
                if (source.kind != SourceKind.orders) {
                    KindLoader kindLoader = kindLoader(source.kind);
                    RecordLoader.Result loaded = kindLoader.load(c, work.runId(), file, source, work.zone());
                    QualityReport.Drift drift = drift(c, work, source, loaded.quality().header(), headersInRun);
                    c.releaseSavepoint(savepoint);
                    qualityEntries.add(qualityReport.of(c, work.runId(), file, source, loaded.read(), loaded.written(),
                            loaded.rejected(), 0, loaded.quality(), drift));
                    kindDays.computeIfAbsent(kindLoader, k -> new TreeSet<>()).addAll(loaded.days());
                    read += loaded.read();
                    written += loaded.written();
                    rejected += loaded.rejected();
                    if (work.dryRun()) {
                        reports.add(dryRunReport.of(c, work.runId(), file, loaded.read(), loaded.written(), loaded.rejected(),
                                0, loaded.days()));
                    } else {
                        fileOutcome(c, work.runId(), file, SourceFile.PROCESSED, null);
                    }
                    continue;
                }
                OrderLineLoader.Loaded loaded = loader.load(c, work.runId(), file, source, work.zone(), seen, loadedLines::add);
                QualityReport.Drift drift = drift(c, work, source, loaded.quality().header(), headersInRun);
                c.releaseSavepoint(savepoint);
                qualityEntries.add(qualityReport.of(c, work.runId(), file, source, loaded.linesRead(), loaded.linesWritten(),
                        loaded.linesRejected(), loaded.duplicates(), loaded.quality(), drift));
                seen.addAll(loaded.hashes());
                days.addAll(loaded.days());
                descriptions.putAll(loaded.descriptions());
                read += loaded.linesRead();
                written += loaded.linesWritten();
                rejected += loaded.linesRejected();
                duplicates += loaded.duplicates();
                if (work.dryRun()) {
                    reports.add(dryRunReport.of(c, work.runId(), file, loaded.linesRead(), loaded.linesWritten(),
                            loaded.linesRejected(), loaded.duplicates(), loaded.days()));
                } else {
                    fileOutcome(c, work.runId(), file, SourceFile.PROCESSED, null);
                }
            } catch (FileUnreadableException | IOException | SQLException | RuntimeException e) {
                if (e instanceof SQLException sql && !FileFailures.isTheFilesFault(sql)) {
                    throw sql; // the database, not the file: the attempt fails and is tried again
                }
                // the file fails alone: what it wrote goes, the other files of the run load
                c.rollback(savepoint);
                if (loadedLines.lines() != accumulatedBefore) {
                    loadedLines.abandon();
                }
                String reason = FileFailures.describe(e);
                if (!(e instanceof FileUnreadableException)) {
                    LOG.warnf(e, "run %d: file %d of source %d failed: %s", work.runId(), file.id, file.sourceId, reason);
                }
                qualityEntries.add(QualityReport.unreadable(source, file, reason));
                if (work.dryRun()) {
                    reports.add(DryRunReport.FileReport.unreadable(file.id, reason));
                } else {
                    fileOutcome(c, work.runId(), file, SourceFile.FAILED, reason);
                }
            }
        }
        long clean = written + duplicates;
        steps.add(new RunView.Step("ingest-and-clean", read, clean, rejected, millisSince(started)));

        // months that already hold facts from earlier runs need de-duplication and a rebuild from the facts;
        // otherwise the lines just loaded are all there is, and their in-memory aggregation is exact
        step(work, "merge", attempt);
        started = System.nanoTime();
        boolean earlierFacts = !days.isEmpty() && FactQueries.anyAggregates(c, work.tenantId(), SalesAggregator.monthsOf(days));
        long dropped = 0;
        if (earlierFacts) {
            FactQueries.summarizeNewPages(c, "order_line_day_idx");
            dropped = FactQueries.dropLinesSeenInEarlierRuns(c, work.tenantId(), work.runId(), days);
            changed.addAll(FactQueries.daysOfRun(c, work.tenantId(), work.runId(), days));
        } else {
            changed.addAll(days);
        }
        kindDays.values().forEach(changed::addAll);
        steps.add(new RunView.Step("merge", clean, written - dropped, duplicates + dropped, millisSince(started)));

        if (work.dryRun()) {
            // everything this attempt wrote goes; what the report needs is kept
            c.rollback(beforeFacts);
            dryRunReport.write(c, work.tenantId(), work.runId(), reports);
            qualityReport.write(c, work.tenantId(), work.runId(), qualityEntries);
            return steps;
        }
        qualityReport.write(c, work.tenantId(), work.runId(), qualityEntries);

        step(work, "aggregate", attempt);
        started = System.nanoTime();
        SalesAggregator.Rebuilt rebuilt;
        if (days.isEmpty()) {
            rebuilt = new SalesAggregator.Rebuilt(0, 0);
        } else if (earlierFacts || loadedLines.abandoned()) {
            loadedLines.abandon();
            FactQueries.summarizeNewPages(c, "order_line_day_idx");
            rebuilt = aggregator.rebuild(c, work.tenantId(), days);
        } else {
            rebuilt = aggregator.write(c, work.tenantId(), loadedLines);
        }
        FactQueries.updateProductNames(c, work.tenantId(), descriptions);
        long aggregateRows = rebuilt.rowsWritten();
        for (Map.Entry<KindLoader, Set<LocalDate>> kind : kindDays.entrySet()) {
            aggregateRows += kind.getKey().aggregate(c, work.tenantId(), kind.getValue());
        }
        if (!days.isEmpty() && kindDays.keySet().stream().noneMatch(k -> k.kind() == SourceKind.inventory || k.kind() == SourceKind.products)) {
            aggregateRows += stock.rebuild(c, work.tenantId()); // units sold changed the days of cover
        }
        steps.add(new RunView.Step("aggregate", rebuilt.linesRead(), aggregateRows, 0, millisSince(started)));
        return steps;
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
                "UPDATE source_file SET status = ?, error = ?, processed_at = clock_timestamp(), run_id = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setLong(3, runId);
            ps.setLong(4, file.id);
            ps.executeUpdate();
        }
        if (SourceFile.PROCESSED.equals(status) && file.pullCursor != null) {
            // the pull's records are in: the next pull starts after them
            try (PreparedStatement ps = c.prepareStatement("UPDATE source SET pull_cursor = ? WHERE id = ?")) {
                ps.setString(1, file.pullCursor);
                ps.setLong(2, file.sourceId);
                ps.executeUpdate();
            }
        }
    }

    private static void succeed(Connection c, long runId, List<RunView.Step> steps, Set<LocalDate> changed) throws SQLException {
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
                "UPDATE pipeline_run SET status = 'succeeded', finished_at = ?, error = NULL, changed_days = ? WHERE id = ? AND status = 'running'")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setArray(2, c.createArrayOf("date", changed.stream().map(java.sql.Date::valueOf).toArray()));
            ps.setLong(3, runId);
            if (ps.executeUpdate() != 1) {
                throw new RunTakenOver(runId);
            }
        }
        // delivered by PostgreSQL at commit, to every instance listening on channel pipeline_run
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('pipeline_run', ?)")) {
            ps.setString(1, runId + " succeeded");
            ps.execute();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
