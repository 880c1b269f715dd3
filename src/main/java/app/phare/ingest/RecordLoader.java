package app.phare.ingest;

import app.phare.clean.NumberParser;
import app.phare.clean.TimestampParser;
import app.phare.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a file of a record kind (deals, ad days, products, stock) within the caller's transaction: reads it with the
 * source's format and mapping, hands each record to the kind's cleaner, which either refuses it with a reason or
 * adds it to its upsert batch (latest file wins on the natural key), and keeps every rejected line with its reason.
 */
@ApplicationScoped
public class RecordLoader {

    private static final int BATCH = 1000;

    @Inject
    FileStorage storage;

    @Inject
    app.phare.common.PhareConfig config;

    /** What loading a file did: lines read, upserted, rejected, and the days the loaded records fall on. */
    public record Result(long read, long written, long rejected, Set<LocalDate> days, FileQuality quality) {
    }

    /** A kind's handling of one record: null when accepted (its values bound and batched), else why not. */
    public interface Cleaner {
        String clean(String[] values, Values parse, Set<LocalDate> days) throws SQLException;
    }

    /** Parsing helpers with the source's number and date formats, in the tenant's calendar. */
    public static final class Values {
        private final NumberParser numbers;
        private final TimestampParser dates;
        private FileQuality quality;

        Values(Source source, ZoneId tenantZone) {
            this.numbers = new NumberParser(source.format.decimalSeparator(), source.format.groupingSeparator());
            this.dates = new TimestampParser(source.format.dateFormat(), tenantZone, tenantZone);
        }

        /** A line kept, but outside expectations (negative spend, close before engage): counted in the quality report. */
        public void note(String check) {
            quality.note(check);
        }

        /** Trimmed text, null when empty. */
        public static String text(String s) {
            if (s == null) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }

        /** A date in the source's date format, or null when it does not parse or is out of range. */
        public LocalDate date(String s) {
            TimestampParser.Parsed p = dates.parse(s);
            return p == null || !p.inRange() ? null : p.day();
        }

        /** Why {@link #date} gave null for this text: not the source's format, or outside the years taken. */
        public String dateRejection(String what, String s) {
            TimestampParser.Parsed p = dates.parse(s);
            return p != null ? TimestampParser.outOfRange(what, s) : what + " '" + s + "' does not match the source's date format";
        }

        /** A number scaled by 10^scale (rounded half up), or {@link NumberParser#NOT_A_NUMBER} / TOO_LARGE. */
        public long number(String s, int scale) {
            return numbers.parse(s, scale);
        }
    }

    /**
     * Reads the file and feeds the cleaner; upsert is the kind's batched statement, executed every thousand records
     * and at the end.
     */
    public Result load(Connection c, long runId, SourceFile file, Source source, ZoneId tenantZone, String[] fields,
                       PreparedStatement upsert, Cleaner cleaner) throws IOException, SQLException, FileUnreadableException {
        Values values = new Values(source, tenantZone);
        FileQuality quality = new FileQuality(fields);
        values.quality = quality;
        Set<LocalDate> days = new TreeSet<>();
        long read = 0, written = 0, rejected = 0;
        try (InputStream in = storage.open(file.storagePath);
             SourceFileReader reader = new SourceFileReader(in, source.format, source.mapping, fields, config.maxLine());
             PreparedStatement reject = c.prepareStatement(
                     "INSERT INTO reject (tenant_id, run_id, file_id, line_no, reason, raw) VALUES (?, ?, ?, ?, ?, ?)")) {
            quality.header(reader.header());
            int batched = 0, rejectsBatched = 0;
            while (reader.next()) {
                read++;
                quality.observe(reader.values());
                String problem = reader.shapeProblem();
                if (problem == null) {
                    problem = cleaner.clean(reader.values(), values, days);
                }
                if (problem != null) {
                    rejected++;
                    reject.setLong(1, file.tenantId);
                    reject.setLong(2, runId);
                    reject.setLong(3, file.id);
                    reject.setLong(4, reader.lineNo());
                    reject.setString(5, problem);
                    reject.setString(6, reader.rawLine());
                    reject.addBatch();
                    if (++rejectsBatched == BATCH) {
                        reject.executeBatch();
                        rejectsBatched = 0;
                    }
                    continue;
                }
                written++;
                if (++batched == BATCH) {
                    upsert.executeBatch();
                    batched = 0;
                }
            }
            upsert.executeBatch();
            reject.executeBatch();
        }
        return new Result(read, written, rejected, days, quality);
    }
}
