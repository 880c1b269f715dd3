package app.phare.demo;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: quotes only around whole fields, doubled inside; LF or CRLF ends a record. */
final class Rfc4180 {

    private Rfc4180() {
    }

    /** The records of the text, each a list of its fields; throws IllegalArgumentException on malformed input. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                    closed = true;
                }
            } else if (c == ',' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                closed = false;
                if (c == '\n') {
                    records.add(record);
                    record = new ArrayList<>();
                }
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else if (closed || c == '"' && field.length() > 0) {
                throw new IllegalArgumentException("stray character '" + c + "' at " + i);
            } else if (c == '"') {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
