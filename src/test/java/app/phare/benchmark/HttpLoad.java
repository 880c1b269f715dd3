package app.phare.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Closed-loop HTTP load like wrk: each client one kept-alive HTTP/1.1 connection sending requests back to back, so
 * the load generator costs little CPU on the machine under test. Answers must be 200, with a Content-Length or
 * chunked.
 */
final class HttpLoad {

    /** Latency percentiles in ms and throughput in requests per second. */
    record Result(int clients, int requests, double p50, double p95, double p99, double max, double throughput) {
        java.util.Map<String, Object> figures() {
            return java.util.Map.of("p50Ms", round(p50), "p95Ms", round(p95), "p99Ms", round(p99), "maxMs", round(max),
                    "requestsPerSecond", Math.round(throughput));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d clients: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f req/s",
                    clients, p50, p95, p99, max, throughput);
        }
    }

    private HttpLoad() {
    }

    static byte[] get(String host, int port, String pathAndQuery, String authorization) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + authorization
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static Result run(String host, int port, byte[] request, int clients, int requestsPerClient, Predicate<String> valid) throws Exception {
        return run(host, port, List.of(request), clients, requestsPerClient, valid);
    }

    /** Client c sends requests c x requestsPerClient, c x requestsPerClient + 1, ... of the list, cycling. */
    static Result run(String host, int port, List<byte[]> requests, int clients, int requestsPerClient,
                      Predicate<String> valid) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int first = c * requestsPerClient;
                futures.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>(requestsPerClient);
                    try (Client client = new Client(host, port)) {
                        for (int i = 0; i < requestsPerClient; i++) {
                            byte[] request = requests.get((first + i) % requests.size());
                            long t = System.nanoTime();
                            String body = client.send(request);
                            times.add(System.nanoTime() - t);
                            if (!valid.test(body)) {
                                throw new IllegalStateException("unexpected answer " + body);
                            }
                        }
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(all);
            return new Result(clients, all.size(), pct(all, 50), pct(all, 95), pct(all, 99), all.get(all.size() - 1) / 1e6,
                    all.size() / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    static double pct(List<Long> sortedNanos, double p) {
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, i))) / 1e6;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** One kept-alive HTTP/1.1 connection. */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final BufferedInputStream in;
        private final OutputStream out;

        Client(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        /** Sends a request and returns the answer's body; anything but 200 is an error. */
        String send(byte[] request) throws IOException {
            String[] answer = exchange(request);
            if (!answer[0].equals("200")) {
                throw new IllegalStateException("unexpected status " + answer[0]);
            }
            return answer[1];
        }

        /** Sends a request and returns the answer's status code, whatever it is (the body is read and dropped). */
        String status(byte[] request) throws IOException {
            return exchange(request)[0];
        }

        private String[] exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int length = 0;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18) && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            String body;
            if (chunked) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    bytes.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                body = bytes.toString(StandardCharsets.UTF_8);
            } else {
                body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            return new String[]{status.length() >= 12 ? status.substring(9, 12) : status, body};
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            if (c == -1 && b.length() == 0) {
                throw new IOException("connection closed");
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
