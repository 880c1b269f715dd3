package app.phare.testing;

import io.restassured.RestAssured;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client, as a browser's EventSource reads a stream: id, event name, data. */
public final class SseClient implements AutoCloseable {

    /** One event, stamped with when it arrived. */
    public record Event(String id, String name, String data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseClient(HttpRequest request) {
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines = r.body();
            Thread reader = new Thread(() -> read(lines), "sse-client");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Opens the stream with HTTP Basic credentials; lastEventId may be null. */
    public static SseClient open(String path, String user, String password, String lastEventId) {
        return open(RestAssured.baseURI + ":" + RestAssured.port, path, user, password, lastEventId);
    }

    /** Opens a stream of the application at baseUrl (e.g. a packaged instance). */
    public static SseClient open(String baseUrl, String path, String user, String password, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(b.GET().build());
    }

    public int status() {
        return response.join().statusCode();
    }

    private void read(Stream<String> body) {
        String id = null, name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || name != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (UncheckedIOException | IllegalStateException closed) {
            // the stream was closed
        }
    }

    /** The next event, or null when none comes within the timeout. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }

}
