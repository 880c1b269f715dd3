package app.phare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static app.phare.deploy.DeploymentFiles.DEPLOY;
import static app.phare.deploy.DeploymentFiles.applicationHttpPort;
import static app.phare.deploy.DeploymentFiles.dockerfile;
import static app.phare.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files under deploy/ agree with each other and with the application. No Docker engine or cluster runs
 * here: the files are parsed, and what can be cross-checked is.
 */
class DeploymentFilesTest {

    @Test
    void everyYamlFileIsOneDocument() {
        assertThat(DeploymentFiles.yamlFiles()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(file ->
                assertThat(DeploymentFiles.documents(file)).as(file.toString()).hasSize(1).allMatch(JsonNode::isObject));
    }

    @Test
    void kustomizationListsEveryManifest() {
        List<String> listed = texts(yaml("k8s/kustomization.yaml").path("resources"));
        List<String> manifests = DeploymentFiles.yamlFiles().stream().filter(f -> f.getParent().endsWith("k8s"))
                .map(f -> f.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml")).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests)
                .contains("configmap.yaml", "secret.yaml", "deployment.yaml", "service.yaml", "pvc.yaml", "hpa.yaml", "pdb.yaml");
    }

    @Test
    void probesAskQuarkusHealthOnTheApplicationsHttpPort() {
        JsonNode container = phareContainer();
        assertThat(probePath(container, "livenessProbe")).isEqualTo("/q/health/live");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/q/health/ready");
        assertThat(probePath(container, "startupProbe")).isIn("/q/health/started", "/q/health/live");
        assertThat(container.path("startupProbe").path("failureThreshold").asInt()).isGreaterThanOrEqualTo(30);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(containerPort(container, container.path(probe).path("httpGet").path("port"))).as(probe)
                    .isEqualTo(applicationHttpPort());
        }
    }

    @Test
    void podsAreScrapedAtQuarkusMetricsOnTheHttpPort() {
        JsonNode annotations = yaml("k8s/deployment.yaml").path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(applicationHttpPort());
    }

    @Test
    void serviceSelectsTheDeploymentsPodsAndTargetsItsPort() {
        JsonNode service = yaml("k8s/service.yaml");
        assertThat(service.path("kind").asText()).isEqualTo("Service");
        assertThat(map(service.path("spec").path("selector"))).isNotEmpty().isEqualTo(map(podLabels()))
                .isEqualTo(map(yaml("k8s/deployment.yaml").path("spec").path("selector").path("matchLabels")));
        assertThat(service.path("spec").path("ports")).isNotEmpty().allSatisfy(port ->
                assertThat(containerPort(phareContainer(), port.path("targetPort"))).isEqualTo(applicationHttpPort()));
    }

    @Test
    void autoscalerAndDisruptionBudgetTargetTheDeployment() {
        JsonNode deployment = yaml("k8s/deployment.yaml");
        JsonNode target = yaml("k8s/hpa.yaml").path("spec").path("scaleTargetRef");
        assertThat(List.of(target.path("apiVersion").asText(), target.path("kind").asText(), target.path("name").asText()))
                .containsExactly(deployment.path("apiVersion").asText(), "Deployment", deployment.path("metadata").path("name").asText());
        JsonNode hpa = yaml("k8s/hpa.yaml").path("spec");
        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(2).isLessThan(hpa.path("maxReplicas").asInt());
        assertThat(hpa.path("metrics").findValuesAsText("name")).contains("cpu");
        JsonNode pdb = yaml("k8s/pdb.yaml");
        assertThat(pdb.path("kind").asText()).isEqualTo("PodDisruptionBudget");
        assertThat(map(pdb.path("spec").path("selector").path("matchLabels"))).isNotEmpty().isEqualTo(map(podLabels()));
    }

    @Test
    void deploymentTakesItsSettingsFromTheConfigMapAndSecretAndSharesOneDataClaim() {
        JsonNode container = phareContainer();
        assertThat(container.path("envFrom").findValuesAsText("name")).containsExactlyInAnyOrder(
                yaml("k8s/configmap.yaml").path("metadata").path("name").asText(),
                yaml("k8s/secret.yaml").path("metadata").path("name").asText());
        JsonNode pvc = yaml("k8s/pvc.yaml");
        assertThat(texts(pvc.path("spec").path("accessModes"))).containsExactly("ReadWriteMany");
        JsonNode volume = yaml("k8s/deployment.yaml").path("spec").path("template").path("spec").path("volumes").get(0);
        assertThat(volume.path("persistentVolumeClaim").path("claimName").asText()).isEqualTo(pvc.path("metadata").path("name").asText());
        String dataDir = yaml("k8s/configmap.yaml").path("data").path("PHARE_DATA_DIR").asText();
        assertThat(container.path("volumeMounts")).anySatisfy(mount -> {
            assertThat(mount.path("name").asText()).isEqualTo(volume.path("name").asText());
            assertThat(mount.path("mountPath").asText()).isEqualTo(dataDir);
        });
    }

    @Test
    void exampleSecretHoldsPlaceholdersOnly() {
        JsonNode secret = yaml("k8s/secret.yaml");
        assertThat(secret.path("data").isMissingNode()).as("base64 data hides what is committed").isTrue();
        assertThat(map(secret.path("stringData"))).isNotEmpty().allSatisfy((key, value) -> assertThat(value).startsWith("replace-me"));
    }

    @Test
    void everyVariableGivenToPhareIsOneItReads() {
        List<String> given = new ArrayList<>();
        given.addAll(map(yaml("k8s/configmap.yaml").path("data")).keySet());
        given.addAll(map(yaml("k8s/secret.yaml").path("stringData")).keySet());
        given.addAll(phareContainer().path("env").findValuesAsText("name"));
        phareServices().values().forEach(service -> given.addAll(map(service.path("environment")).keySet()));
        assertThat(given).contains("PHARE_DATA_DIR", "PHARE_SESSION_KEY", "OTEL_EXPORTER_OTLP_ENDPOINT")
                .allSatisfy(name -> assertThat(DeploymentFiles.isReadByPhare(name)).as(name + " is read by Phare").isTrue());
    }

    @Test
    void composeRunsTwoInstancesOfOneImageWithOneSessionKeyAndOneDataVolume() {
        Map<String, JsonNode> phare = phareServices();
        assertThat(phare).containsOnlyKeys("phare-1", "phare-2");
        JsonNode first = phare.get("phare-1");
        JsonNode second = phare.get("phare-2");
        assertThat(second.path("build")).isEqualTo(first.path("build"));
        assertThat(second.path("image")).isEqualTo(first.path("image"));
        String dataDir = dockerfileEnv().get("PHARE_DATA_DIR");
        for (JsonNode service : phare.values()) {
            assertThat(service.path("environment").path("PHARE_SESSION_KEY").asText()).isNotBlank()
                    .isEqualTo(first.path("environment").path("PHARE_SESSION_KEY").asText());
            assertThat(service.path("environment").path("PHARE_DATA_DIR").asText(dataDir)).isEqualTo(dataDir);
            assertThat(texts(service.path("volumes"))).containsExactly("phare-data:" + dataDir);
            assertThat(texts(service.path("ports"))).singleElement().asString().endsWith(":" + applicationHttpPort());
            assertThat(String.join(" ", texts(service.path("healthcheck").path("test"))))
                    .contains("localhost:" + applicationHttpPort() + "/q/health/ready");
            assertThat(service.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(service.path("depends_on").path("rabbitmq").path("condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(yaml("docker-compose.yml").path("volumes").has("phare-data")).isTrue();
    }

    @Test
    void composeConnectsPhareToPostgresRabbitmqAndTheCollector() {
        JsonNode services = yaml("docker-compose.yml").path("services");
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
        assertThat(services.path("postgres").path("healthcheck").isObject()).isTrue();
        assertThat(services.path("rabbitmq").path("image").asText()).startsWith("rabbitmq:").contains("management");
        assertThat(services.path("otel-collector").path("image").asText()).startsWith("otel/opentelemetry-collector");
        assertThat(texts(services.path("otel-collector").path("volumes"))).anyMatch(v -> v.startsWith("./otel-collector.yaml:"));
        assertThat(services.path(traceViewer()).path("ports").toString()).contains("16686:16686");
        for (JsonNode service : phareServices().values()) {
            JsonNode env = service.path("environment");
            assertThat(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/phare");
            assertThat(env.path("PHARE_MESSAGING").asText()).isEqualTo("rabbitmq");
            assertThat(env.path("RABBITMQ_HOST").asText()).isEqualTo("rabbitmq");
            assertThat(env.path("OTEL_EXPORTER_OTLP_ENDPOINT").asText()).isEqualTo("http://otel-collector:4317");
        }
    }

    @Test
    void collectorReceivesOtlpOn4317AndExportsTracesToTheViewer() {
        JsonNode collector = yaml("otel-collector.yaml");
        JsonNode otlp = collector.path("receivers").path("otlp").path("protocols");
        assertThat(otlp.path("grpc").path("endpoint").asText()).endsWith(":4317");
        assertThat(otlp.path("http").path("endpoint").asText()).endsWith(":4318");
        JsonNode traces = collector.path("service").path("pipelines").path("traces");
        assertThat(texts(traces.path("receivers"))).contains("otlp");
        assertThat(texts(traces.path("processors"))).contains("batch");
        assertThat(collector.path("processors").has("batch")).isTrue();
        assertThat(texts(traces.path("exporters"))).anySatisfy(exporter ->
                assertThat(collector.path("exporters").path(exporter).path("endpoint").asText()).isEqualTo(traceViewer() + ":4317"));
    }

    @Test
    void imageExposesTheHttpPortAndRunsQuarkusRunJarAsNonRoot() {
        assertThat(dockerfile("FROM")).singleElement().asString().matches("eclipse-temurin:17-jre.*|.*openjdk-17-runtime.*");
        assertThat(dockerfile("EXPOSE")).containsExactly(String.valueOf(applicationHttpPort()));
        assertThat(dockerfile("USER")).isNotEmpty().last().asString().doesNotMatch("(root|0)(:.*)?");
        assertThat(dockerfile("COPY")).contains("target/quarkus-app/quarkus-run.jar /deployments/")
                .anyMatch(copy -> copy.startsWith("target/quarkus-app/lib/"))
                .anyMatch(copy -> copy.startsWith("target/quarkus-app/app/"))
                .anyMatch(copy -> copy.startsWith("target/quarkus-app/quarkus/"));
        assertThat(dockerfile("ENTRYPOINT")).singleElement().asString().contains("java $JAVA_OPTS -jar /deployments/quarkus-run.jar");
        assertThat(dockerfile("VOLUME")).containsExactly(dockerfileEnv().get("PHARE_DATA_DIR"));
        assertThat(DeploymentFiles.read(DEPLOY.resolve("Dockerfile.dockerignore"))).contains("\n!target/quarkus-app/");
    }

    private static JsonNode phareContainer() {
        JsonNode containers = yaml("k8s/deployment.yaml").path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static JsonNode podLabels() {
        return yaml("k8s/deployment.yaml").path("spec").path("template").path("metadata").path("labels");
    }

    private static String probePath(JsonNode container, String probe) {
        return container.path(probe).path("httpGet").path("path").asText();
    }

    /** The container port a probe or Service names, by name or by number; -1 when the container has no such port. */
    private static int containerPort(JsonNode container, JsonNode reference) {
        for (JsonNode port : container.path("ports")) {
            if (reference.isInt() ? port.path("containerPort").asInt() == reference.asInt()
                    : port.path("name").asText().equals(reference.asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    /** The compose services built from deploy/Dockerfile. */
    private static Map<String, JsonNode> phareServices() {
        Map<String, JsonNode> phare = new HashMap<>();
        yaml("docker-compose.yml").path("services").fields().forEachRemaining(service -> {
            JsonNode build = service.getValue().path("build");
            Path dockerfile = DEPLOY.resolve(build.path("context").asText("."))
                    .resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
            if (!build.isMissingNode() && dockerfile.equals(DEPLOY.resolve("Dockerfile"))) {
                phare.put(service.getKey(), service.getValue());
            }
        });
        return phare;
    }

    /** The compose service that runs Jaeger. */
    private static String traceViewer() {
        List<String> viewers = new ArrayList<>();
        yaml("docker-compose.yml").path("services").fields().forEachRemaining(service -> {
            if (service.getValue().path("image").asText().startsWith("jaegertracing/")) {
                viewers.add(service.getKey());
            }
        });
        assertThat(viewers).hasSize(1);
        return viewers.get(0);
    }

    private static Map<String, String> dockerfileEnv() {
        Map<String, String> env = new HashMap<>();
        Pattern assignment = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");
        for (String line : dockerfile("ENV")) {
            Matcher m = assignment.matcher(line);
            while (m.find()) {
                env.put(m.group(1), m.group(2).replace("\"", ""));
            }
        }
        return env;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new HashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
