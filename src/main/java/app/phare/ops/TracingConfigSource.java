package app.phare.ops;

import app.phare.common.DerivedConfigSource;

import java.util.Map;

/**
 * Trace export is off by default and switched on by the standard OpenTelemetry variables: with
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} set (and {@code OTEL_SDK_DISABLED} not {@code true}) spans go to that OTLP
 * endpoint, over {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code grpc} by default, or {@code http/protobuf}), named
 * {@code OTEL_SERVICE_NAME} (default phare).
 */
public class TracingConfigSource extends DerivedConfigSource {

    public TracingConfigSource() {
        this(System.getenv());
    }

    TracingConfigSource(Map<String, String> env) {
        super("phare-tracing");
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
}
