package app.phare.common.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Streams rows into PostgreSQL with COPY ... FROM STDIN (FORMAT binary). Binary rows spare the server the parsing
 * of numbers, dates and timestamps, which is most of the cost of a text COPY of typed columns. Rows are buffered
 * and sent in chunks, so any number of rows passes with constant memory.
 */
public final class BinaryCopy implements AutoCloseable {

    private static final int CHUNK = 1 << 16;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400L;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final CopyIn copy;
    private byte[] buf = new byte[CHUNK + 1024];
    private int pos;
    private long rows;
    private boolean done;

    public BinaryCopy(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        put(HEADER, 0, HEADER.length);
    }

    /** Starts a row of the given number of columns. */
    public BinaryCopy row(int columns) throws SQLException {
        if (pos >= CHUNK) {
            flush();
        }
        short16(columns);
        rows++;
        return this;
    }

    public BinaryCopy int8(long v) {
        int32(8);
        int64(v);
        return this;
    }

    public BinaryCopy int4(int v) {
        int32(4);
        int32(v);
        return this;
    }

    public BinaryCopy date(LocalDate d) {
        int32(4);
        int32((int) (d.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    public BinaryCopy timestamptz(Instant t) {
        int32(8);
        int64((t.getEpochSecond() - PG_EPOCH_SECOND) * 1_000_000L + t.getNano() / 1_000);
        return this;
    }

    public BinaryCopy uuid(long high, long low) {
        int32(16);
        int64(high);
        int64(low);
        return this;
    }

    public BinaryCopy text(String s) {
        if (s == null) {
            return nullValue();
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        put(bytes, 0, bytes.length);
        return this;
    }

    private static final int TEXT_OID = 25;
    private static final int INT8_OID = 20;

    /** A one-dimensional text[] without nulls, of the first n values. */
    public BinaryCopy textArray(String[] values, int n) {
        int start = arrayHeader(TEXT_OID, n);
        for (int i = 0; i < n; i++) {
            byte[] bytes = values[i].getBytes(StandardCharsets.UTF_8);
            int32(bytes.length);
            put(bytes, 0, bytes.length);
        }
        return arrayEnd(start);
    }

    /** A one-dimensional bigint[] of the first n values. */
    public BinaryCopy int8Array(long[] values, int n) {
        int start = arrayHeader(INT8_OID, n);
        for (int i = 0; i < n; i++) {
            int32(8);
            int64(values[i]);
        }
        return arrayEnd(start);
    }

    /** Writes a length placeholder and the array header; returns where the length goes. */
    private int arrayHeader(int elementOid, int n) {
        int lengthAt = pos;
        int32(0);
        int32(1);            // dimensions
        int32(0);            // no nulls
        int32(elementOid);
        int32(n);            // size of the dimension
        int32(1);            // lower bound
        return lengthAt;
    }

    /** Fills in the array's byte length (the buffer is only flushed between rows, so it is still there). */
    private BinaryCopy arrayEnd(int lengthAt) {
        int length = pos - lengthAt - 4;
        buf[lengthAt] = (byte) (length >>> 24);
        buf[lengthAt + 1] = (byte) (length >>> 16);
        buf[lengthAt + 2] = (byte) (length >>> 8);
        buf[lengthAt + 3] = (byte) length;
        return this;
    }

    public BinaryCopy nullValue() {
        int32(-1);
        return this;
    }

    public BinaryCopy numeric(BigDecimal v) {
        return numeric(v.unscaledValue().longValueExact(), v.scale());
    }

    /**
     * A numeric given as unscaled value and scale (12345, 2 → 123.45), in PostgreSQL's binary form: base-10000
     * digits aligned on the decimal point, with weight (position of the first digit group), sign and display scale.
     */
    public BinaryCopy numeric(long unscaled, int scale) {
        if (scale < 0) {
            unscaled = Math.multiplyExact(unscaled, pow10(-scale));
            scale = 0;
        }
        boolean negative = unscaled < 0;
        long abs = Math.abs(unscaled);
        long unit = pow10(scale);
        long integer = abs / unit;
        int pad = (4 - scale % 4) % 4;
        long fraction = (abs % unit) * pow10(pad);
        int fracGroups = (scale + pad) / 4;
        int[] groups = new int[6 + fracGroups];
        int intGroups = 0;
        for (long i = integer; i > 0; i /= 10_000) {
            intGroups++;
        }
        long rest = integer;
        for (int g = intGroups - 1; g >= 0; g--) {
            groups[g] = (int) (rest % 10_000);
            rest /= 10_000;
        }
        for (int g = fracGroups - 1; g >= 0; g--) {
            groups[intGroups + g] = (int) (fraction % 10_000);
            fraction /= 10_000;
        }
        int total = intGroups + fracGroups;
        int first = 0;
        while (first < total && groups[first] == 0) {
            first++;
        }
        int last = total - 1;
        while (last >= first && groups[last] == 0) {
            last--;
        }
        int ndigits = first > last ? 0 : last - first + 1;
        int weight = ndigits == 0 ? 0 : intGroups - 1 - first;
        int32(8 + 2 * ndigits);
        short16(ndigits);
        short16(weight);
        short16(ndigits == 0 || !negative ? 0 : 0x4000);
        short16(scale);
        for (int i = 0; i < ndigits; i++) {
            short16(groups[first + i]);
        }
        return this;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    private static long pow10(int n) {
        if (n < POW10.length) {
            return POW10[n];
        }
        long p = POW10[POW10.length - 1];
        for (int i = POW10.length - 1; i < n; i++) {
            p = Math.multiplyExact(p, 10L);
        }
        return p;
    }

    private void short16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, pos, len);
        pos += len;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, pos + n)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    /** Sends the rest and the trailer; returns the number of rows PostgreSQL stored. */
    public long finish() throws SQLException {
        short16(-1);
        flush();
        done = true;
        long stored = copy.endCopy();
        if (stored != rows) {
            throw new SQLException("COPY stored " + stored + " rows, expected " + rows);
        }
        return stored;
    }

    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
