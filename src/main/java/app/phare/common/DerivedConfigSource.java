package app.phare.common;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Configuration Phare derives from its own environment variables (PHARE_MESSAGING, the standard OTEL_* variables):
 * the subclass fills {@link #properties} in its constructor. It stands above application.properties (250) and below
 * system properties and the environment (300, 400), so an explicit QUARKUS_* or mp.* setting still wins.
 */
public abstract class DerivedConfigSource implements ConfigSource {

    protected final Map<String, String> properties = new HashMap<>();
    private final String name;

    protected DerivedConfigSource(String name) {
        this.name = name;
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
        return name;
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
