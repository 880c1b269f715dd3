package app.phare.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The one place every benchmark of `./mvnw verify -Pbenchmark` puts its figures: target/bench/results.json (one
 * object per benchmark, with the machine) and target/bench/results.md (the same as a short table), rewritten after
 * each benchmark, so a partial run still leaves what it measured. They hold one run's figures: failsafe runs every
 * benchmark in one JVM, whose first result moves the previous run's files to results-previous.json/.md.
 */
public final class BenchResults {

    static final Path DIR = Path.of("target", "bench");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static boolean started;

    private BenchResults() {
    }

    /** Records a benchmark's figures (name → number or text) under its section. */
    public static synchronized void put(String section, Map<String, Object> figures) {
        try {
            Files.createDirectories(DIR);
            Path json = DIR.resolve("results.json");
            if (!started) {
                started = true;
                for (String ext : new String[]{"json", "md"}) {
                    Path file = DIR.resolve("results." + ext);
                    if (Files.exists(file)) {
                        Files.move(file, DIR.resolve("results-previous." + ext), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            ObjectNode root = Files.exists(json) ? (ObjectNode) JSON.readTree(json.toFile()) : JSON.createObjectNode();
            ObjectNode machine = root.putObject("machine");
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("memoryGiB", Math.round(totalMemoryBytes() / 1024.0 / 1024 / 1024));
            machine.put("java", System.getProperty("java.version"));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            root.put("updatedAt", Instant.now().toString());
            ObjectNode benchmarks = root.has("benchmarks") ? (ObjectNode) root.get("benchmarks") : root.putObject("benchmarks");
            ObjectNode node = benchmarks.has(section) ? (ObjectNode) benchmarks.get(section) : benchmarks.putObject(section);
            node.put("measuredAt", Instant.now().toString());
            figures.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
            JSON.writeValue(json.toFile(), root);
            Files.writeString(DIR.resolve("results.md"), markdown(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(ObjectNode root) {
        StringBuilder md = new StringBuilder("# Phare benchmark results\n\nMachine: ")
                .append(root.get("machine").get("cores")).append(" cores, ").append(root.get("machine").get("memoryGiB"))
                .append(" GiB, Java ").append(root.get("machine").get("java").asText()).append(", ")
                .append(root.get("machine").get("os").asText()).append(". Updated ").append(root.get("updatedAt").asText())
                .append(". Details of each benchmark in target/benchmark/.\n\n| Benchmark | Figure | Value |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = root.get("benchmarks").fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> b = it.next();
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> f = b.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = f.next();
                if (!e.getKey().equals("measuredAt")) {
                    md.append("| ").append(b.getKey()).append(" | ").append(e.getKey()).append(" | ")
                            .append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    private static long totalMemoryBytes() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }
}
