package app.phare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the files under deploy/ and what they are checked against: application.properties, the README, the Dockerfile. */
final class DeploymentFiles {

    static final Path ROOT = projectRoot();
    static final Path DEPLOY = ROOT.resolve("deploy");

    /** Standard OpenTelemetry SDK variables, which Quarkus OpenTelemetry reads as the fallback of its quarkus.otel.* settings. */
    private static final Set<String> OTEL_VARIABLES = Set.of("OTEL_SDK_DISABLED", "OTEL_SERVICE_NAME",
            "OTEL_RESOURCE_ATTRIBUTES", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TIMEOUT",
            "OTEL_TRACES_EXPORTER", "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_PROPAGATORS");
    private static final Pattern EXPRESSION_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern BACKTICKED_NAME = Pattern.compile("`(_?[A-Z][A-Z0-9_]*)`");
    private static final ObjectReader YAML = new YAMLMapper().readerFor(JsonNode.class);

    private DeploymentFiles() {
    }

    /** The one YAML document of a file under deploy/. */
    static JsonNode yaml(String relative) {
        List<JsonNode> documents = documents(DEPLOY.resolve(relative));
        if (documents.size() != 1) {
            throw new IllegalStateException(relative + " holds " + documents.size() + " YAML documents, not one");
        }
        return documents.get(0);
    }

    static List<JsonNode> documents(Path file) {
        try (var values = YAML.<JsonNode>readValues(file.toFile())) {
            return values.readAll().stream().filter(node -> !node.isNull() && !node.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties applicationProperties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(ROOT.resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The port Quarkus listens on in production: quarkus.http.port when application.properties sets it, else 8080. */
    static int applicationHttpPort() {
        Properties properties = applicationProperties();
        String port = properties.getProperty("%prod.quarkus.http.port", properties.getProperty("quarkus.http.port", "8080"));
        return Integer.parseInt(port.trim());
    }

    /** The environment form of a configuration property, as MicroProfile Config maps it: phare.data-dir → PHARE_DATA_DIR. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Whether Phare reads this environment variable (see settingsPhareReads), or it is a Quarkus or standard OTel one. */
    static boolean isReadByPhare(String variable) {
        return variable.startsWith("QUARKUS_") || OTEL_VARIABLES.contains(variable) || settingsPhareReads().contains(variable);
    }

    /**
     * Variables named in application.properties expressions ({@code ${PHARE_SESSION_KEY:}}), the environment form of
     * its properties, the README configuration table's settings, and the RABBITMQ_* connector variables it names.
     */
    static Set<String> settingsPhareReads() {
        Set<String> names = new TreeSet<>();
        Matcher expressions = EXPRESSION_VARIABLE.matcher(read(ROOT.resolve("src/main/resources/application.properties")));
        while (expressions.find()) {
            names.add(expressions.group(1));
        }
        applicationProperties().stringPropertyNames().forEach(key -> names.add(envName(key.replaceFirst("^%[^.]+\\.", ""))));
        names.addAll(configurationTableSettings());
        Matcher backticked = BACKTICKED_NAME.matcher(read(ROOT.resolve("README.md")));
        while (backticked.find()) {
            if (backticked.group(1).startsWith("RABBITMQ_")) {
                names.add(backticked.group(1));
            }
        }
        return names;
    }

    /** First cells of the README's configuration table; `_SUFFIX` continues the row's first name's first two words. */
    static Set<String> configurationTableSettings() {
        String readme = read(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.split("\\|")[1];
            Matcher name = BACKTICKED_NAME.matcher(firstCell);
            String prefix = null;
            while (name.find()) {
                String found = name.group(1);
                if (prefix == null) {
                    String[] words = found.split("_");
                    prefix = words[0] + "_" + words[1];
                }
                names.add(found.startsWith("_") ? prefix + found : found);
            }
        }
        return names;
    }

    /** Arguments of the Dockerfile's instructions of one kind (continuation lines joined, comments dropped). */
    static List<String> dockerfile(String instruction) {
        List<String> found = new ArrayList<>();
        String joined = read(DEPLOY.resolve("Dockerfile")).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase(instruction)) {
                found.add(parts[1].trim());
            }
        }
        return found;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
