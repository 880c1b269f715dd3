package app.phare.ingest;

import app.phare.clean.CleanOrderLine;
import app.phare.clean.OrderLineCleaner;
import app.phare.common.LongPairSet;
import app.phare.common.db.CopyIn;
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
import java.util.UUID;

/**
 * Loads one orders file into order_line within the caller's transaction: reads it, applies the cleaning rules,
 * drops lines already seen in this run for the same source, and streams the rest with COPY. Rejected lines go to
 * the reject table with their line number, reason and raw text.
 */
@ApplicationScoped
public class OrderLineLoader {

    private static final String COPY_LINES = "COPY order_line (tenant_id, source_id, day, line_hash, order_id, ordered_at, "
            + "sku, description, quantity, unit_price, customer_id, country, channel, file_id, run_id, line_no) FROM STDIN";
    private static final String COPY_REJECTS = "COPY reject (tenant_id, run_id, file_id, line_no, reason, raw) FROM STDIN";

    @Inject
    FileStorage storage;

    /** What loading one file did. */
    public record Loaded(long linesRead, long linesWritten, long linesRejected, long duplicates, Set<LocalDate> days,
                         Map<String, String> descriptions, LongPairSet hashes) {
    }

    /**
     * Loads a file. seen holds the hashes of lines this run already loaded for the same source; the caller adds
     * {@link Loaded#hashes()} to it once the file is kept.
     */
    public Loaded load(Connection connection, long runId, SourceFile file, Source source, ZoneId tenantZone, LongPairSet seen)
            throws IOException, SQLException, FileUnreadableException {
        ZoneId sourceZone = source.format.timezone() == null ? tenantZone : ZoneId.of(source.format.timezone());
        OrderLineCleaner cleaner = new OrderLineCleaner(source.format, sourceZone, tenantZone);
        LongPairSet fileHashes = new LongPairSet(1 << 16);
        Set<LocalDate> days = new TreeSet<>();
        Map<String, String> descriptions = new HashMap<>();
        Map<String, Instant> describedAt = new HashMap<>();
        long read = 0, written = 0, rejected = 0, duplicates = 0;
        Path rejects = Files.createTempFile("phare-rejects-", ".tsv");
        try (InputStream in = storage.open(file.storagePath);
             OrderFileReader reader = new OrderFileReader(in, source.format, source.mapping);
             DataOutputStream rejectOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rejects), 1 << 16));
             CopyIn copy = new CopyIn(connection, COPY_LINES)) {
            String tenant = Long.toString(file.tenantId);
            String sourceId = Long.toString(source.id);
            String fileId = Long.toString(file.id);
            String run = Long.toString(runId);
            while (reader.next()) {
                read++;
                String problem = reader.shapeProblem();
                OrderLineCleaner.Result result = problem == null ? cleaner.clean(reader.values()) : null;
                if (problem != null || result.rejected()) {
                    rejected++;
                    writeReject(rejectOut, reader.lineNo(), problem != null ? problem : result.rejection(), reader.rawLine());
                    continue;
                }
                CleanOrderLine line = result.line();
                if (seen.contains(line.hashHigh(), line.hashLow()) || !fileHashes.add(line.hashHigh(), line.hashLow())) {
                    duplicates++;
                    continue;
                }
                days.add(line.day());
                if (line.description() != null) {
                    Instant previous = describedAt.get(line.sku());
                    if (previous == null || !line.orderedAt().isBefore(previous)) {
                        describedAt.put(line.sku(), line.orderedAt());
                        descriptions.put(line.sku(), line.description());
                    }
                }
                copy.plain(tenant).plain(sourceId).plain(line.day()).plain(new UUID(line.hashHigh(), line.hashLow()))
                        .text(line.orderId()).plain(line.orderedAt()).text(line.sku()).text(line.description())
                        .plain(line.quantity().toPlainString()).plain(line.unitPrice().toPlainString())
                        .text(line.customerId()).text(line.country()).text(line.channel())
                        .plain(fileId).plain(run).number(reader.lineNo());
                copy.endRow();
                written++;
            }
            long stored = copy.finish();
            if (stored != written) {
                throw new SQLException("COPY stored " + stored + " lines, expected " + written);
            }
        }
        try {
            copyRejects(connection, rejects, file.tenantId, runId, file.id);
        } finally {
            Files.deleteIfExists(rejects);
        }
        return new Loaded(read, written, rejected, duplicates, days, descriptions, fileHashes);
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

    private static void copyRejects(Connection connection, Path rejects, long tenantId, long runId, long fileId)
            throws IOException, SQLException {
        if (Files.size(rejects) == 0) {
            return;
        }
        long size = Files.size(rejects);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rejects), 1 << 16));
             CopyIn copy = new CopyIn(connection, COPY_REJECTS)) {
            long consumed = 0;
            while (consumed < size) {
                long lineNo = in.readLong();
                String reason = readString(in);
                String raw = readString(in);
                consumed += 16 + reason.getBytes(StandardCharsets.UTF_8).length + raw.getBytes(StandardCharsets.UTF_8).length;
                copy.number(tenantId).number(runId).number(fileId).number(lineNo).text(reason).text(raw);
                copy.endRow();
            }
            copy.finish();
        }
    }
}
