package app.phare.ingest;

import app.phare.common.PhareConfig;
import app.phare.common.Secrets;
import app.phare.source.Source;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import app.phare.common.net.OutboundPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Pulls a pull source's records that are new since its cursor and keeps them as a pending file of the source (CSV with
 * the mapping's columns, and the cursor the pull reached), so that the run loads them exactly as it loads an upload.
 * The records are written to that file as they arrive. The source's cursor moves on only when a run has processed that file.
 */
@ApplicationScoped
public class PullService {

    private static final Logger LOG = Logger.getLogger(PullService.class);

    @Inject
    FileStorage storage;

    @Inject
    SourceFileRepository files;

    @Inject
    Secrets secrets;

    @Inject
    ObjectMapper json;

    @Inject
    PhareConfig config;

    @Inject
    OutboundPolicy outbound;

    /** Pulls the source; true when new records were kept as a pending file. */
    public boolean pull(Source source) throws PullClient.PullFailed, IOException {
        Map<String, String> headers = source.pullSecrets == null ? Map.of()
                : json.readValue(secrets.decrypt(source.pullSecrets), new TypeReference<Map<String, String>>() {
                });
        String cursor = QuarkusTransaction.requiringNew().call(() -> files
                .find("sourceId = ?1 and status = ?2 and pullCursor is not null order by id desc", source.id, SourceFile.PENDING)
                .firstResultOptional().map(f -> f.pullCursor).orElse(source.pullCursor));
        PullClient client = new PullClient(json, config.pipeline().backoff(), outbound, config.pull().maxBytes().asLongValue());
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(source.mapping.columns().values().stream()
                .filter(c -> !c.startsWith("=")).toList()));
        String d = source.format.delimiter().substring(0, 1);
        long[] count = {0};
        String[] reached = {cursor};
        FileStorage.Stored stored;
        try {
            // the records go to the pending file as they arrive: a pull never holds a whole answer in memory
            stored = storage.write(out -> {
                Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                csv.write(String.join(d, columns.stream().map(c -> quote(c, d.charAt(0))).toList()) + "\n");
                count[0] = client.fetch(source.pull, headers, cursor, r -> {
                    for (int i = 0; i < columns.size(); i++) {
                        csv.write((i == 0 ? "" : d) + quote(text(r, columns.get(i)), d.charAt(0)));
                    }
                    csv.write('\n');
                    if (source.pull.incrementalField() != null) {
                        reached[0] = later(reached[0], text(r, source.pull.incrementalField()));
                    }
                });
                csv.flush();
            });
        } catch (PullClient.ConnectionBroke e) {
            throw e;
        } catch (IOException e) {
            throw unwritable(source, e);
        }
        if (count[0] == 0) {
            storage.discard(stored);
            LOG.infof("source %d: nothing new since %s", source.id, cursor);
            return false;
        }
        if (QuarkusTransaction.requiringNew().call(() -> files.findBySha(source.id, stored.sha256())).isPresent()) {
            storage.discard(stored);
            return false;
        }
        String path;
        try {
            path = storage.keep(stored, source.tenantId, source.id);
        } catch (IOException e) {
            throw unwritable(source, e);
        }
        String cursorReached = reached[0];
        long records = count[0];
        QuarkusTransaction.requiringNew().run(() -> {
            SourceFile f = new SourceFile();
            f.tenantId = source.tenantId;
            f.sourceId = source.id;
            f.sha256 = stored.sha256();
            f.sizeBytes = stored.size();
            f.originalName = "pull " + Instant.now() + " (" + records + " records)";
            f.storagePath = path;
            f.status = SourceFile.PENDING;
            f.pullCursor = cursorReached;
            files.persist(f);
        });
        LOG.infof("source %d: pulled %d records since %s, up to %s", source.id, records, cursor, cursorReached);
        return true;
    }

    /**
     * Records a pull that failed as a failed file of the source, with its reason, in the run's list of files: the
     * source's page and the run's page say what went wrong, and the next run pulls again from the same cursor.
     */
    public void recordFailure(Source source, long runId, String reason) {
        LOG.warnf("source %d: %s", source.id, reason);
        QuarkusTransaction.requiringNew().run(() -> {
            SourceFile f = new SourceFile();
            f.tenantId = source.tenantId;
            f.sourceId = source.id;
            f.sha256 = "pull-failed:" + runId + ":" + java.util.UUID.randomUUID();
            f.sizeBytes = 0;
            f.originalName = "pull " + Instant.now() + " (failed)";
            f.storagePath = "";
            f.status = SourceFile.FAILED;
            f.error = reason;
            f.processedAt = Instant.now();
            f.runId = runId;
            files.persist(f);
            files.flush();
            files.getEntityManager().createNativeQuery(
                            "INSERT INTO run_file (tenant_id, run_id, file_id, status, error) VALUES (?1, ?2, ?3, 'failed', ?4)")
                    .setParameter(1, source.tenantId).setParameter(2, runId).setParameter(3, f.id).setParameter(4, reason)
                    .executeUpdate();
        });
    }

    /** The run shows this message: the server's paths stay in the log. */
    private static IOException unwritable(Source source, IOException e) {
        LOG.errorf(e, "source %d: pulled records could not be written", source.id);
        return new IOException("the pulled records could not be written to the data directory ("
                + e.getClass().getSimpleName() + "; see the server log)");
    }

    /** A record's value: a JSON pointer (/a/b) or a top-level property; empty when missing. */
    static String text(JsonNode record, String column) {
        JsonNode v = column.startsWith("/") ? record.at(column) : record.get(column);
        return v == null || v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    /** The later of two cursor values: numbers by value, anything else (ISO timestamps) by text. */
    static String later(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        if (a == null || a.isEmpty()) {
            return b;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) >= 0 ? a : b;
        } catch (NumberFormatException e) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    private static String quote(String s, char delimiter) {
        if (s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
