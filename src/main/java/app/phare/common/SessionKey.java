package app.phare.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that encrypts browser session cookies: PHARE_SESSION_KEY when given, otherwise one generated on first start
 * and kept (readable by its owner only) in the data directory, so sessions survive restarts and the key never appears
 * in a log.
 */
public final class SessionKey {

    private static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    private SessionKey() {
    }

    public static void provideUnlessConfigured() {
        boolean given = Optional.ofNullable(System.getenv("PHARE_SESSION_KEY")).filter(k -> !k.isBlank()).isPresent()
                || System.getProperty(PROPERTY) != null;
        if (given) {
            return;
        }
        Path dataDir = Path.of(Optional.ofNullable(System.getProperty("phare.data-dir"))
                .or(() -> Optional.ofNullable(System.getenv("PHARE_DATA_DIR"))).orElse("data"));
        Path file = dataDir.resolve("session.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Path tmp = Files.createTempFile(dataDir, "session", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            System.setProperty(PROPERTY, Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the session key in " + file + ": " + e.getMessage(), e);
        }
    }
}
