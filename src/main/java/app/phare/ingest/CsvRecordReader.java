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
    public boolean next() throws IOException {
        String line;
        do {
            line = in.readLine();
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
        StringBuilder rawText = new StringBuilder(line);
        boolean recordStart = true;
        while (!parseQuoted(line, recordStart)) {
            recordStart = false;
            String more = in.readLine();
            if (more == null) {
                fields.add(field.toString());
                field.setLength(0);
                break;
            }
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
