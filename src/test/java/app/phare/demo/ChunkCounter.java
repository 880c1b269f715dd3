package app.phare.demo;

import java.io.IOException;
import java.io.OutputStream;

/** Counts what reaches the stream, chunk by chunk, for the streaming test. */
class ChunkCounter extends OutputStream {
    long bytes;
    int chunks;
    int largest;
    boolean closed;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        bytes += len;
        chunks++;
        largest = Math.max(largest, len);
    }

    @Override
    public void close() {
        closed = true;
    }
}
