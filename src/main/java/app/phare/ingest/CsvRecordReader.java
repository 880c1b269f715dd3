package app.phare.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded text into CSV records (RFC 4180: a configurable delimiter, double quotes, doubled quotes inside
 * quoted fields, line breaks inside quoted fields). Keeps each record's first line number and its raw text.
 */
public final class CsvRecordReader implements RowSource {

    private final BufferedReader in;
    private final char delimiter;
    private final List<String> fields = new ArrayList<>(16);
    private final StringBuilder field = new StringBuilder(64);
    private long physicalLine;
    private long recordLine;
    private String raw;

    public CsvRecordReader(BufferedReader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Reads the next record; false at the end of the input. Blank lines are skipped. */
    /** Most physical lines one quoted field may span; beyond, its opening quote is taken as never closed. */
    static final int MAX_QUOTED_LINES = 1_000;

    /** Lines read ahead while looking for a closing quote, to be read again. */
    private final java.util.ArrayDeque<String> reread = new java.util.ArrayDeque<>();
    private String problem;

    private String readLine() throws IOException {
        return reread.isEmpty() ? in.readLine() : reread.pollFirst();
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
