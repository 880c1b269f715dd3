package app.phare.ingest;

import app.phare.ingest.PullClient.PullFailed;
import app.phare.source.PullConfig;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the answers of one pull as they arrive, with Jackson's streaming parser: only the paths to the records and to
 * the next cursor are walked, one record at a time is in memory, and all answers together may not pass the pull's cap.
 */
final class PullAnswers {

    /** One record is read into memory at a time; this bounds it whatever the API sends. */
    static final long MAX_RECORD_BYTES = 16L << 20;

    /** What one answer held: how many records, and the next cursor (null without one). */
    record Page(long count, JsonNode cursor) {
    }

    private final ObjectMapper json;
    private final long maxBytes;
    /** The bytes this pull has received so far, over all its pages. */
    private long received;

    PullAnswers(ObjectMapper json, long maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** Reads one answer as it arrives: the records at recordsPath go to the sink; the next cursor is returned. */
    Page read(InputStream body, String shown, PullConfig config, PullClient.Records sink) throws PullFailed, IOException {
        Walk walk = new Walk(config.recordsPath(), config.pagination().nextCursorPath(), sink);
        try (Capped in = new Capped(body); JsonParser parser = json.createParser(in)) {
            walk.in = in;
            if (parser.nextToken() == null) {
                throw new PullFailed(shown + " did not answer JSON: the answer is empty");
            }
            walk.value(parser, "");
        } catch (TooMuch e) {
            throw new PullFailed(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new PullFailed(shown + " did not answer JSON: " + e.getOriginalMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IOException e) {
            throw new PullClient.ConnectionBroke(shown + ": the connection broke while the answer was read (" + e.getClass().getSimpleName() + ")");
        }
        if (!walk.found) {
            throw new PullFailed(shown + ": no array of records at " + (config.recordsPath().isEmpty() ? "the top" : config.recordsPath()));
        }
        return new Page(walk.count, walk.cursor);
    }

    /** Walks a JSON answer with the streaming parser, down the paths to the records and to the next cursor only. */
    private static final class Walk {
        private final String records;
        private final String cursorPath;
        private final PullClient.Records sink;
        Capped in;
        boolean found;
        long count;
        JsonNode cursor;

        Walk(String records, String cursorPath, PullClient.Records sink) {
            this.records = records;
            this.cursorPath = cursorPath == null ? "\u0000" : cursorPath;
            this.sink = sink;
        }

        void value(JsonParser p, String path) throws IOException {
            JsonToken t = p.currentToken();
            if (path.equals(records) && t == JsonToken.START_ARRAY) {
                found = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    in.recordStarts();
                    JsonNode r = p.readValueAsTree();
                    in.recordEnds();
                    count++;
                    try {
                        sink.accept(r);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);   // the sink's failure, not the connection's
                    }
                }
            } else if (path.equals(cursorPath)) {
                cursor = p.readValueAsTree();
            } else if (t == JsonToken.START_OBJECT && leadsOn(path)) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    value(p, path + "/" + name.replace("~", "~0").replace("/", "~1"));
                }
            } else if (t == JsonToken.START_ARRAY && leadsOn(path)) {
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    value(p, path + "/" + i);
                }
            } else {
                p.skipChildren();
            }
        }

        private boolean leadsOn(String path) {
            return records.startsWith(path + "/") || cursorPath.startsWith(path + "/");
        }
    }

    /** The cap went off; the message says so in a manager's words. */
    private static final class TooMuch extends IOException {
        TooMuch(String message) {
            super(message);
        }
    }

    /** An answer's body that counts against the pull's cap, and against the size of the record being read. */
    private final class Capped extends FilterInputStream {
        private long read;
        private long recordStart = -1;

        Capped(InputStream in) {
            super(in);
        }

        void recordStarts() {
            recordStart = read;
        }

        void recordEnds() {
            recordStart = -1;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                received += n;
                if (received > maxBytes) {
                    throw new TooMuch("the API's answers came to more than " + size(maxBytes) + ", the most one pull may receive "
                            + "(PHARE_PULL_MAX_BYTES): pull fewer records at a time (an incremental field) or raise the limit. "
                            + "Nothing of this pull was kept");
                }
                if (recordStart >= 0 && read - recordStart > MAX_RECORD_BYTES) {
                    throw new TooMuch("one record of the answer is larger than " + size(MAX_RECORD_BYTES)
                            + ": is recordsPath right? Nothing of this pull was kept");
                }
            }
            return n;
        }
    }

    static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return v + " " + units[u];
    }
}
