package app.phare.report;

import app.phare.common.PhareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where report files live: {@code <data dir>/reports/<tenant>/<id>-<file name>}, written whole or not at all. */
@ApplicationScoped
public class ReportFiles {

    @Inject
    PhareConfig config;

    public Path path(long tenantId, long reportId, String fileName) {
        return Path.of(config.dataDir(), "reports", Long.toString(tenantId), reportId + "-" + fileName);
    }

    /** Writes to a temporary file first, then moves it in place: a crash never leaves half a report. */
    public Path write(long tenantId, long reportId, String fileName, byte[] bytes) {
        Path target = path(tenantId, reportId, fileName);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write report " + reportId, e);
        }
    }

    public void delete(long tenantId, long reportId, String fileName) {
        try {
            Files.deleteIfExists(path(tenantId, reportId, fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
