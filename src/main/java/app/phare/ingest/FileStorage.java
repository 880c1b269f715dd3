package app.phare.ingest;

import app.phare.common.PhareConfig;
import app.phare.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Keeps uploaded files in the data directory. Bytes stream to a temporary file while their SHA-256 is computed,
 * are forced to disk, and only then move to their final name: a stored file is always complete.
 */
@ApplicationScoped
public class FileStorage {

    @Inject
    PhareConfig config;

    /** A file written to the temporary area, with its digest and size. */
    public record Stored(Path path, String sha256, long size) {
    }

    /** Streams the body to a temporary file; refuses an empty body (400) and one over the maximum size (413). */
    public Stored receive(InputStream body) throws IOException {
        long max = config.upload().maxBytes().asLongValue();
        Path dir = root().resolve("incoming");
        Files.createDirectories(dir);
        Path tmp = dir.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                size += n;
                if (size > max) {
                    throw new ProblemException(413, "Payload too large",
                            "the upload is larger than the configured maximum of " + max + " bytes", null);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (size == 0) {
            Files.deleteIfExists(tmp);
            throw ProblemException.badRequest("body", "the upload is empty: send the file's bytes as the request body");
        }
        return new Stored(tmp, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Writes a file's content as it comes, for a file Phare makes itself (a pull's records). */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    /** Streams what the content writes to a temporary file, with its digest and size; the file is deleted on failure. */
    public <E extends Exception> Stored write(Content<E> content) throws IOException, E {
        Path dir = root().resolve("incoming");
        Files.createDirectories(dir);
        Path tmp = dir.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        long size;
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             DigestOutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), sha)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
            size = channel.size();
        } catch (Exception e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Stored(tmp, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Moves a received file to its permanent place and returns the path relative to the data directory. */
    public String keep(Stored stored, long tenantId, long sourceId) throws IOException {
        Path relative = Path.of("uploads", Long.toString(tenantId), Long.toString(sourceId), stored.sha256() + ".dat");
        Path target = Path.of(config.dataDir()).resolve(relative);
        Files.createDirectories(target.getParent());
        Files.move(stored.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return relative.toString();
    }

    public void discard(Stored stored) throws IOException {
        Files.deleteIfExists(stored.path());
    }

    public InputStream open(String relativePath) throws IOException {
        return Files.newInputStream(Path.of(config.dataDir()).resolve(relativePath));
    }

    private Path root() {
        return Path.of(config.dataDir()).resolve("uploads");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
