package app.phare.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a real PostgreSQL server from the binaries on the classpath, with its data in the data directory,
 * for installations (and tests) that do not point Phare at a database server of their own.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "phare";

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the embedded server when neither {@code QUARKUS_DATASOURCE_JDBC_URL} nor
     * {@code quarkus.datasource.jdbc.url} is given, and points the datasource at it through system properties.
     */
    public static void startUnlessConfigured() {
        if (configured("quarkus.datasource.jdbc.url")) {
            return;
        }
        Path dataDir = Path.of(setting("phare.data-dir", "data"));
        int port = Integer.parseInt(setting("phare.embedded-db.port", "0"));
        Map<String, String> props = start(dataDir.resolve("postgres"), port);
        props.forEach(System::setProperty);
    }

    /** Starts (once per JVM) a server on the given data directory and returns the datasource properties. */
    public static synchronized Map<String, String> start(Path pgData, int port) {
        if (server == null) {
            try {
                Files.createDirectories(pgData);
                lockDataDirectory(pgData);
                stopOrphanedServer(pgData);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("work_mem", "32MB")
                        .setServerConfig("maintenance_work_mem", "128MB")
                        // zonky's defaults suit throw-away test servers (fsync off); Phare keeps real data here
                        .setServerConfig("fsync", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("autovacuum", "on")
                        .setServerConfig("max_wal_size", "2GB")
                        .setServerConfig("wal_buffers", "64MB")
                        .setServerConfig("timezone", "UTC")
                        // a client that vanished without closing its connection (a crashed instance, a cut network)
                        // is noticed within two minutes, and with it the run locks it held
                        .setServerConfig("tcp_keepalives_idle", "60")
                        .setServerConfig("tcp_keepalives_interval", "10")
                        .setServerConfig("tcp_keepalives_count", "6");
                if (port > 0) {
                    builder.setPort(port);
                }
                server = builder.start();
                createDatabaseIfMissing(server);
                LOG.infof("Embedded PostgreSQL started on port %d, data in %s", server.getPort(), pgData.toAbsolutePath());
            } catch (IOException | SQLException | RuntimeException e) {
                throw new IllegalStateException(howToFix(e), e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", DATABASE),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    /** Held for the life of the JVM: one Phare per data directory. */
    private static java.nio.channels.FileLock dataDirLock;

    /**
     * Takes an exclusive lock on the data directory, so that a second Phare on the same directory stops with a clear
     * message instead of touching a server that is in use. The lock goes with the process, however it ends.
     */
    private static void lockDataDirectory(Path pgData) throws IOException {
        Path lockFile = pgData.toAbsolutePath().getParent().resolve("phare.lock");
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        dataDirLock = channel.tryLock();
        if (dataDirLock == null) {
            channel.close();
            throw new IllegalStateException("another Phare is running on the data directory " + lockFile.getParent()
                    + "; stop it first, or give this one its own PHARE_DATA_DIR");
        }
    }

    /**
     * A server left running by a Phare that was killed (kill -9, power loss of the JVM only) still holds the data
     * directory: since no live Phare owns the directory (we hold its lock), it is stopped, and PostgreSQL's own
     * recovery makes the data consistent when it starts again.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        // line 2 of postmaster.pid is the server's data directory: the process is ours if it serves this one
        boolean ours = lines.size() > 1 && Path.of(lines.get(1).trim()).toAbsolutePath().normalize()
                .equals(pgData.toAbsolutePath().normalize());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                // a known command must be postgres (the pid may have been reused since); an unreadable one is
                // trusted when the pid file names this data directory
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(ours));
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL handles it on start
        }
        LOG.warnf("An embedded PostgreSQL (pid %d) was left running by a Phare that did not stop cleanly: stopping it", pid);
        ProcessHandle p = postmaster.get();
        fastShutdown(p);
        try {
            p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warnf("PostgreSQL (pid %d) did not stop within 60 s: killing it", pid);
            p.destroyForcibly();
            p.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGINT asks PostgreSQL for a fast shutdown (clients disconnected, clean checkpoint); SIGTERM where kill is missing. */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true).start();
            if (kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: fall back below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database " + DATABASE);
        }
    }

    private static String howToFix(Exception e) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return "The embedded PostgreSQL could not start (" + e.getMessage() + "). "
                + (root ? "PostgreSQL refuses to run as root and this system does not allow the user-namespace "
                + "workaround: run Phare as a non-root user, or " : "Check that the data directory is writable, or ")
                + "point Phare at a PostgreSQL server with QUARKUS_DATASOURCE_JDBC_URL, "
                + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.";
    }

    private static boolean configured(String property) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(envName(property))))
                .filter(v -> !v.isBlank()).isPresent();
    }

    private static String setting(String property, String fallback) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(envName(property))))
                .filter(v -> !v.isBlank()).orElse(fallback);
    }

    private static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }
}
