package app.phare.testing;

import app.phare.common.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tests run against a real PostgreSQL: the server named by QUARKUS_DATASOURCE_JDBC_URL when set, otherwise an
 * embedded one started from scratch for this test JVM.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return Map.of();
        }
        Path dir = Path.of("target", "test-postgres");
        deleteRecursively(dir);
        return EmbeddedDatabase.start(dir, 0);
    }

    @Override
    public void stop() {
        // the embedded server stops with the JVM
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
