package app.phare.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real exports in ../shared/data (never copied into the repository). */
public final class SharedData {

    private SharedData() {
    }

    public static Path path(String relative) {
        for (Path base : new Path[]{Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data")}) {
            Path p = base.resolve(relative);
            if (Files.exists(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        String env = System.getenv("PHARE_SHARED_DATA");
        if (env != null && Files.exists(Path.of(env, relative))) {
            return Path.of(env, relative);
        }
        throw new IllegalStateException("shared data not found: ../shared/data/" + relative);
    }

    public static Path onlineRetail() {
        return path("online-retail/online_retail_2010-2011.csv");
    }
}
