package app.phare.ingest;

import app.phare.clean.CleanOrderLine;
import app.phare.clean.OrderLineCleaner;
import app.phare.common.LongPairSet;
import app.phare.common.db.BinaryCopy;
import app.phare.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Loads one orders file into order_line within the caller's transaction: reads it, applies the cleaning rules,
 * drops lines already seen in this run for the same source, and streams the rest with COPY. Rejected lines go to
 * the reject table with their line number, reason and raw text.
 */
@ApplicationScoped
public class OrderLineLoader {

    private static final String LINE_COLUMNS = "tenant_id, source_id, day, line_hash, order_id, ordered_at, sku, "
            + "quantity_e3, unit_price_e4, customer_id, country, channel, run_id";
    private static final String REJECT_COLUMNS = "tenant_id, run_id, file_id, line_no, reason, raw";

    @Inject
    FileStorage storage;

    @Inject
    app.phare.common.PhareConfig config;

    /** What loading one file did. */
    public record Loaded(long linesRead, long linesWritten, long linesRejected, long duplicates, FileQuality quality, Set<LocalDate> days,
                         Map<String, String> descriptions, LongPairSet hashes) {
    }

    /**
     * Loads a file. seen holds the hashes of lines this run already loaded for the same source; the caller adds
     * {@link Loaded#hashes()} to it once the file is kept. onLoaded sees every line written.
     */
    public Loaded load(Connection connection, long runId, SourceFile file, Source source, ZoneId tenantZone, LongPairSet seen,
                       Consumer<CleanOrderLine> onLoaded) throws IOException, SQLException, FileUnreadableException {
        ZoneId sourceZone = source.format.timezone() == null ? tenantZone : ZoneId.of(source.format.timezone());
        OrderLineCleaner cleaner = new OrderLineCleaner(source.format, sourceZone, tenantZone,
                !"amount".equals(source.options.discount()));
        LongPairSet fileHashes = new LongPairSet(1 << 16);
        FileQuality quality = new FileQuality(OrderLineCleaner.FIELDS);
        long read = 0, rejected = 0, duplicates = 0;
        Path rejects = Files.createTempFile("phare-rejects-", ".tsv");
        // two stages: this thread reads and cleans, the writer encodes, sends the COPY and aggregates
        BlockingQueue<List<CleanOrderLine>> queue = new ArrayBlockingQueue<>(4);
        LineWriter writer = new LineWriter(connection, file.tenantId, source.id, runId, onLoaded, queue);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "phare-copy-" + file.id);
            t.setDaemon(true);
            return t;
        });
        Future<Void> writing = executor.submit(writer);
        try (InputStream in = storage.open(file.storagePath);
             SourceFileReader reader = new SourceFileReader(in, source.format, source.mapping,
                     OrderLineCleaner.FIELDS, config.maxLine());
             DataOutputStream rejectOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rejects), 1 << 16))) {
            List<CleanOrderLine> batch = new ArrayList<>(BATCH);
            quality.header(reader.header());
            while (reader.next()) {
                read++;
                quality.observe(reader.values());
                String problem = reader.shapeProblem();
                OrderLineCleaner.Result result = problem == null ? cleaner.clean(reader.values()) : null;
                if (problem != null || result.rejected()) {
                    rejected++;
                    writeReject(rejectOut, reader.lineNo(), problem != null ? problem : result.rejection(), reader.rawLine());
                    continue;
                }
                CleanOrderLine line = result.line();
                if (line.quantityE3() < 0) {
                    quality.note("return lines (negative quantity)");
                }
                if (line.customerId() == null) {
                    quality.note("lines without a customer id");
                }
                if (seen.contains(line.hashHigh(), line.hashLow()) || !fileHashes.add(line.hashHigh(), line.hashLow())) {
                    duplicates++;
                    continue;
                }
                batch.add(line);
                if (batch.size() == BATCH) {
                    hand(queue, batch, writing);
                    batch = new ArrayList<>(BATCH);
                }
            }
            hand(queue, batch, writing);
            hand(queue, END, writing);
            finished(writing);
        } catch (IOException | SQLException | FileUnreadableException | RuntimeException e) {
            if (!writing.isDone()) {
                queue.clear();
                queue.offer(ABORT);
                try {
                    writing.get(1, TimeUnit.MINUTES);
                } catch (Exception ignored) {
                    // the original failure is what matters
                }
            }
            Files.deleteIfExists(rejects);
            throw e;
        } finally {
            executor.shutdownNow();
        }
        try {
            copyRejects(connection, rejects, rejected, file.tenantId, runId, file.id);
        } finally {
            Files.deleteIfExists(rejects);
        }
        Map<String, String> descriptions = new HashMap<>();
        writer.described.forEach((sku, d) -> descriptions.put(sku, d.description));
        return new Loaded(read, writer.written, rejected, duplicates, quality, writer.days, descriptions, fileHashes);
    }

    private static final int BATCH = 4096;
    /** Markers on the queue (compared by identity): all lines sent, or stop without committing the COPY. */
    private static final List<CleanOrderLine> END = new ArrayList<>(0);
    private static final List<CleanOrderLine> ABORT = new ArrayList<>(0);

    /** Hands a batch to the writer, noticing if the writer has failed meanwhile. */
    private static void hand(BlockingQueue<List<CleanOrderLine>> queue, List<CleanOrderLine> batch, Future<Void> writing)
            throws SQLException {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (writing.isDone()) {
                    finished(writing);
                    throw new SQLException("the COPY writer stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        }
    }

    /** Waits for the writer and rethrows what made it fail. */
    private static void finished(Future<Void> writing) throws SQLException {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    /** The second stage: writes clean lines to order_line with COPY, notes their days and descriptions, aggregates. */
    private static final class LineWriter implements Callable<Void> {
        private final Connection connection;
        private final long tenantId;
        private final long sourceId;
        private final long runId;
        private final Consumer<CleanOrderLine> onLoaded;
        private final BlockingQueue<List<CleanOrderLine>> queue;
        final Set<LocalDate> days = new TreeSet<>();
        final Map<String, Described> described = new HashMap<>();
        long written;

        LineWriter(Connection connection, long tenantId, long sourceId, long runId, Consumer<CleanOrderLine> onLoaded,
                   BlockingQueue<List<CleanOrderLine>> queue) {
            this.connection = connection;
            this.tenantId = tenantId;
            this.sourceId = sourceId;
            this.runId = runId;
            this.onLoaded = onLoaded;
            this.queue = queue;
        }

        @Override
        public Void call() throws SQLException, InterruptedException {
            LocalDate lastDay = null;
            try (BinaryCopy copy = new BinaryCopy(connection, "order_line", LINE_COLUMNS)) {
                while (true) {
                    List<CleanOrderLine> batch = queue.take();
                    if (batch == ABORT) {
                        return null;
                    }
                    if (batch == END) {
                        copy.finish();
                        return null;
                    }
                    for (CleanOrderLine line : batch) {
                        if (!line.day().equals(lastDay)) {
                            lastDay = line.day();
                            days.add(lastDay);
                        }
                        if (line.description() != null) {
                            Described d = described.get(line.sku());
                            if (d == null) {
                                described.put(line.sku(), new Described(line.description(), line.orderedAt()));
                            } else if (!line.orderedAt().isBefore(d.at)) {
                                d.description = line.description();
                                d.at = line.orderedAt();
                            }
                        }
                        copy.row(13).int8(tenantId).int8(sourceId).date(line.day()).int8(line.hashHigh())
                                .text(line.orderId()).timestamptz(line.orderedAt()).text(line.sku())
                                .int8(line.quantityE3()).int8(line.priceE4())
                                .text(line.customerId()).text(line.country()).text(line.channel()).int8(runId);
                        onLoaded.accept(line);
                        written++;
                    }
                }
            }
        }
    }

    /** The latest description seen for a sku. */
    private static final class Described {
        String description;
        Instant at;

        Described(String description, Instant at) {
            this.description = description;
            this.at = at;
        }
    }

    private static void writeReject(DataOutputStream out, long lineNo, String reason, String raw) throws IOException {
        out.writeLong(lineNo);
        writeString(out, reason);
        writeString(out, raw);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void copyRejects(Connection connection, Path rejects, long count, long tenantId, long runId, long fileId)
            throws IOException, SQLException {
        if (count == 0) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rejects), 1 << 16));
             BinaryCopy copy = new BinaryCopy(connection, "reject", REJECT_COLUMNS)) {
            for (long i = 0; i < count; i++) {
                long lineNo = in.readLong();
                String reason = readString(in);
                String raw = readString(in);
                copy.row(6).int8(tenantId).int8(runId).int8(fileId).int8(lineNo).text(reason).text(raw);
            }
            copy.finish();
        }
    }
}
