package app.phare.common.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams rows into PostgreSQL with COPY ... FROM STDIN in text format: rows are built in a buffer and sent in
 * chunks, so a file of any size passes through with constant memory.
 */
public final class CopyIn implements AutoCloseable {

    private static final int CHUNK = 1 << 16;

    private final org.postgresql.copy.CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean firstColumn = true;
    private boolean done;

    public CopyIn(Connection connection, String copySql) throws SQLException {
        CopyManager manager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.copy = manager.copyIn(copySql);
    }

    public CopyIn text(String value) {
        separator();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** A value whose text form needs no escaping (numbers, dates, uuids). */
    public CopyIn plain(Object value) {
        separator();
        if (value == null) {
            buffer.append("\\N");
        } else {
            buffer.append(value);
        }
        return this;
    }

    public CopyIn number(long value) {
        separator();
        buffer.append(value);
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        firstColumn = true;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    private void separator() {
        if (!firstColumn) {
            buffer.append('\t');
        }
        firstColumn = false;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends the rest and finishes the COPY; returns the number of rows PostgreSQL stored. */
    public long finish() throws SQLException {
        flush();
        done = true;
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
