package app.phare.ops;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Trace export is off by default and switched on by the standard OpenTelemetry variables: with
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} set (and {@code OTEL_SDK_DISABLED} not {@code true}) spans go to that OTLP
 * endpoint, over {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code grpc} by default, or {@code http/protobuf}), named
 * {@code OTEL_SERVICE_NAME} (default phare).
 */
public class TracingConfigSource implements ConfigSource {

    private final Map<String, String> properties = new HashMap<>();

    public TracingConfigSource() {
        this(System.getenv());
    }

    TracingConfigSource(Map<String, String> env) {
        String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        boolean off = "true".equalsIgnoreCase(env.getOrDefault("OTEL_SDK_DISABLED", "false"));
        properties.put("quarkus.otel.sdk.disabled", String.valueOf(off || endpoint == null || endpoint.isBlank()));
        if (endpoint != null && !endpoint.isBlank()) {
            properties.put("quarkus.otel.exporter.otlp.endpoint", endpoint.strip());
            String protocol = env.get("OTEL_EXPORTER_OTLP_PROTOCOL");
            if (protocol != null && !protocol.isBlank()) {
                properties.put("quarkus.otel.exporter.otlp.protocol", protocol.strip());
            }
        }
        String service = env.get("OTEL_SERVICE_NAME");
        if (service != null && !service.isBlank()) {
            properties.put("quarkus.otel.service.name", service.strip());
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "phare-tracing";
    }

    /** Above application.properties (250), below system properties and the environment's own QUARKUS_OTEL_* (300, 400). */
    @Override
    public int getOrdinal() {
        return 275;
    }
}
