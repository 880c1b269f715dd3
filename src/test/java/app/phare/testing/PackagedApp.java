package app.phare.testing;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged application (java -jar target/quarkus-app/quarkus-run.jar) in a working directory,
 * driven over HTTP as admin@demo.local: for tests of start-up, crashes and several instances.
 */
public final class PackagedApp implements AutoCloseable {

    public static final String PASSWORD = "packaged-test-pw";

    private final Path workDir;
    private final int port;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    public PackagedApp(Path workDir, int port, Map<String, String> env) {
        this.workDir = workDir;
        this.port = port;
        this.env = env;
    }

    /** Starts the application and waits until it is ready. */
    public PackagedApp start(String... jvmArgs) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(java.util.List.of(jvmArgs));
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app-" + port + ".log").toFile()));
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().put("PHARE_ADMIN_PASSWORD", PASSWORD);
        pb.environment().putAll(env);
        process = pb.start();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the application exited, see " + workDir.resolve("app-" + port + ".log"));
                    }
                    return send("GET", "/q/health/ready", null, false).statusCode() == 200;
                });
        return this;
    }

    /** Stops it as an operator would (SIGTERM) and waits. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("did not stop within 60 s");
            }
        }
    }

    /** Kills it without warning (SIGKILL, kill -9). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, true);
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, true);
    }

    public HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json, true);
    }

    /** A POST as a machine client, with an API token. */
    public HttpResponse<String> postWithToken(String path, String token, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new API token of the Demo tenant with the given scopes. */
    public String token(String... scopes) throws IOException, InterruptedException {
        StringBuilder list = new StringBuilder();
        for (String s : scopes) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(s).append('"');
        }
        HttpResponse<String> r = post("/api/tokens", "{\"name\": \"client " + System.nanoTime() + "\", \"scopes\": [" + list + "]}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return io.restassured.path.json.JsonPath.from(r.body()).getString("token");
    }

    /** The application's process id (for its resident memory in /proc). */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public HttpResponse<String> upload(String path, Path file) throws IOException, InterruptedException {
        HttpRequest request = request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofMinutes(2)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json, boolean auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = auth ? request(path) : HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        b.timeout(Duration.ofSeconds(30));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin@demo.local:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
