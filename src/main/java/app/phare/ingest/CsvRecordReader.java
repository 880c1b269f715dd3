package app.phare.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded text into CSV records (RFC 4180: a configurable delimiter, double quotes, doubled quotes inside
 * quoted fields, line breaks inside quoted fields). Keeps each record's first line number and its raw text. A line
 * (or a quoted record) longer than the cap is one malformed record, read past without being held in memory.
 */
public final class CsvRecordReader implements RowSource {

    /** The default cap on a line's length, in characters (PHARE_MAX_LINE_BYTES). */
    public static final int DEFAULT_MAX_LINE = 1 << 20;
    /** How much of a line beyond the cap is kept as its raw text, for the reject report. */
    static final int KEPT_OF_LONG_LINE = 1_000;

    private final Reader in;
    private final char delimiter;
    private final int maxLine;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean skipLineFeed;
    /** Length of the last line read when it was over the cap (its text is then only the kept start), else -1. */
    private long overLength = -1;
    private final List<String> fields = new ArrayList<>(16);
    private final StringBuilder field = new StringBuilder(64);
    private long physicalLine;
    private long recordLine;
    private String raw;

    public CsvRecordReader(Reader in, char delimiter) {
        this(in, delimiter, DEFAULT_MAX_LINE);
    }

    public CsvRecordReader(Reader in, char delimiter, int maxLine) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxLine = maxLine;
    }

    /** Reads the next record; false at the end of the input. Blank lines are skipped. */
    /** Most physical lines one quoted field may span; beyond, its opening quote is taken as never closed. */
    static final int MAX_QUOTED_LINES = 1_000;

    /** Lines read ahead while looking for a closing quote, to be read again. */
    private final java.util.ArrayDeque<String> reread = new java.util.ArrayDeque<>();
    private String problem;

    private String readLine() throws IOException {
        overLength = -1;
        return reread.isEmpty() ? readBoundedLine() : reread.pollFirst();
    }

    /**
     * The next physical line without its terminator (LF, CR or CRLF), null at the end; a line longer than the cap
     * is read to its end but only its start is kept, and {@link #overLength} says how long it was.
     */
    private String readBoundedLine() throws IOException {
        StringBuilder sb = null;
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= lim) {
                int n = in.read(buf, 0, buf.length);
                if (n <= 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
                pos = 0;
                lim = n;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            boolean ended = pos < lim;
            if (ended && sb == null && length == 0 && n <= maxLine) {
                skipLineFeed = buf[pos++] == '\r';
                return new String(buf, start, n);
            }
            if (length + n <= maxLine || length < KEPT_OF_LONG_LINE) {
                if (sb == null) {
                    sb = new StringBuilder(Math.min(maxLine, Math.max(n * 2, 128)));
                }
                int keep = length + n <= maxLine ? n : (int) Math.min(n, KEPT_OF_LONG_LINE - length);
                sb.append(buf, start, keep);
            }
            length += n;
            if (ended) {
                skipLineFeed = buf[pos++] == '\r';
                break;
            }
        }
        if (length > maxLine) {
            overLength = length;
            return sb.substring(0, Math.min(sb.length(), KEPT_OF_LONG_LINE));
        }
        return sb == null ? "" : sb.toString();
    }

    private String tooLong(long length) {
        return "the line is " + length + " characters long, more than the limit of " + maxLine
                + " (PHARE_MAX_LINE_BYTES): it is left out; is this really a CSV export with one record per line?";
    }

    /** Why the current record is malformed (a quote never closed), or null. */
    @Override
    public String problem() {
        return problem;
    }

    public boolean next() throws IOException {
        problem = null;
        String line;
        do {
            line = readLine();
            if (line == null) {
                return false;
            }
            physicalLine++;
        } while (line.isEmpty());
        recordLine = physicalLine;
        if (physicalLine == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        fields.clear();
        if (overLength >= 0) {
            raw = line + "…";
            problem = tooLong(overLength);
            return true;
        }
        if (line.indexOf('"') < 0) {
            split(line);
            raw = line;
            return true;
        }
        String first = line;
        StringBuilder rawText = new StringBuilder(line);
        java.util.List<String> continuation = new java.util.ArrayList<>();
        boolean recordStart = true;
        while (!parseQuoted(line, recordStart)) {
            recordStart = false;
            String more = continuation.size() < MAX_QUOTED_LINES ? readLine() : null;
            if (more != null && (overLength >= 0 || rawText.length() + more.length() > maxLine)) {
                // a quoted record beyond the cap: it is one bad record, up to the end of the line that crossed it
                long length = rawText.length() + (overLength >= 0 ? overLength : more.length());
                physicalLine++;
                fields.clear();
                field.setLength(0);
                inQuotes = false;
                raw = rawText.substring(0, Math.min(rawText.length(), KEPT_OF_LONG_LINE)) + "…";
                problem = tooLong(length);
                return true;
            }
            if (more == null) {
                // the quote is never closed: this line alone is the bad record, the lines after it are read again
                for (int i = continuation.size() - 1; i >= 0; i--) {
                    reread.addFirst(continuation.get(i));
                }
                physicalLine = recordLine;
                fields.clear();
                field.setLength(0);
                inQuotes = false;
                split(first);
                raw = first;
                problem = "unbalanced quote: a quoted field opened on this line is never closed";
                return true;
            }
            continuation.add(more);
            physicalLine++;
            field.append('\n');
            rawText.append('\n').append(more);
            line = more;
        }
        raw = rawText.toString();
        return true;
    }

    private void split(String line) {
        int start = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) == delimiter) {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start));
    }

    private boolean inQuotes;

    /** Parses one physical line of a record that contains quotes; false when a quoted field continues on the next line. */
    private boolean parseQuoted(String line, boolean recordStart) {
        if (recordStart) {
            inQuotes = false;
            field.setLength(0);
        }
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                inQuotes = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            return false;
        }
        fields.add(field.toString());
        field.setLength(0);
        return true;
    }

    public int size() {
        return fields.size();
    }

    public String field(int i) {
        return fields.get(i);
    }

    public List<String> fields() {
        return fields;
    }

    /** Line number (1-based) where the current record starts. */
    public long lineNo() {
        return recordLine;
    }

    /** The record as written in the file. */
    public String raw() {
        return raw;
    }
}
