package app.phare.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP/HTTP trace receiver for tests: accepts POST /v1/traces (protobuf, optionally gzip) and keeps the spans,
 * decoded with a minimal protobuf reader (trace and span ids, parent, name, attributes).
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A received span; attribute values are strings, longs, doubles or booleans. */
    public record Span(String traceId, String spanId, String parentSpanId, String name, Map<String, Object> attributes) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                spans.addAll(decodeRequest(body));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<Span> decodeRequest(byte[] request) {
        List<Span> out = new ArrayList<>();
        for (byte[] resourceSpans : fields(request, 1)) {
            for (byte[] scopeSpans : fields(resourceSpans, 2)) {
                for (byte[] span : fields(scopeSpans, 2)) {
                    out.add(span(span));
                }
            }
        }
        return out;
    }

    private static Span span(byte[] bytes) {
        Reader r = new Reader(bytes);
        String trace = "", id = "", parent = "", name = "";
        Map<String, Object> attributes = new HashMap<>();
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3), type = (int) (tag & 7);
            if (type == 2) {
                byte[] value = r.bytes();
                switch (field) {
                    case 1 -> trace = HexFormat.of().formatHex(value);
                    case 2 -> id = HexFormat.of().formatHex(value);
                    case 4 -> parent = HexFormat.of().formatHex(value);
                    case 5 -> name = new String(value, java.nio.charset.StandardCharsets.UTF_8);
                    case 9 -> keyValue(value, attributes);
                    default -> { }
                }
            } else {
                r.skip(type);
            }
        }
        return new Span(trace, id, parent, name, attributes);
    }

    private static void keyValue(byte[] bytes, Map<String, Object> into) {
        String key = null;
        Object value = null;
        Reader r = new Reader(bytes);
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3), type = (int) (tag & 7);
            if (field == 1 && type == 2) {
                key = new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            } else if (field == 2 && type == 2) {
                value = anyValue(r.bytes());
            } else {
                r.skip(type);
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    private static Object anyValue(byte[] bytes) {
        Reader r = new Reader(bytes);
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3), type = (int) (tag & 7);
            switch (field) {
                case 1 -> { return new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8); }
                case 2 -> { return r.varint() != 0; }
                case 3 -> { return r.varint(); }
                case 4 -> { return Double.longBitsToDouble(r.fixed64()); }
                default -> r.skip(type);
            }
        }
        return null;
    }

    private static List<byte[]> fields(byte[] message, int wanted) {
        List<byte[]> out = new ArrayList<>();
        Reader r = new Reader(message);
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3), type = (int) (tag & 7);
            if (field == wanted && type == 2) {
                out.add(r.bytes());
            } else {
                r.skip(type);
            }
        }
        return out;
    }

    /** The protobuf wire format, as far as traces need it. */
    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        boolean more() {
            return at < b.length;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = b[at++];
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
        }

        long fixed64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (b[at++] & 0xff) << (8 * i);
            }
            return v;
        }

        byte[] bytes() {
            int n = (int) varint();
            byte[] v = java.util.Arrays.copyOfRange(b, at, at + n);
            at += n;
            return v;
        }

        void skip(int type) {
            switch (type) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> bytes();
                case 5 -> at += 4;
                default -> throw new IllegalStateException("unknown protobuf wire type " + type);
            }
        }
    }
}
