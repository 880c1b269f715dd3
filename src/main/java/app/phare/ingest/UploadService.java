package app.phare.ingest;

import app.phare.common.NulText;
import app.phare.common.ProblemException;
import app.phare.source.SourceRepository;
import app.phare.tenant.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** Accepts uploads for a source: stores the bytes once, and registers them as a pending file. */
@ApplicationScoped
public class UploadService {

    @Inject
    FileStorage storage;

    @Inject
    SourceRepository sources;

    @Inject
    SourceFileRepository files;

    @Inject
    TenantScope scope;

    @Inject
    app.phare.jobs.AuditLog audit;

    /** The outcome of an upload: the file, whether these bytes were new, and other sources that hold the same bytes. */
    public record Upload(FileView file, boolean created, List<Long> alsoInSources) {

        /** A warning for the user when the same export sits in another source (its lines would count twice). */
        public String warning() {
            return alsoInSources.isEmpty() ? null : "the same file is also in source " + alsoInSources.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ": its lines count once per source";
        }
    }

    /** Stores an upload; 400 naming "name" when the file's name holds a NUL character. */
    public Upload upload(long sourceId, String originalName, InputStream body) throws IOException {
        long tenant = scope.requireTenant();
        requireSourceInUse(sourceId);
        NulText.refused("name", originalName);
        FileStorage.Stored stored = storage.receive(body);
        Optional<SourceFile> existing = QuarkusTransaction.requiringNew().call(() -> files.findBySha(sourceId, stored.sha256()));
        if (existing.isPresent()) {
            storage.discard(stored);
            return new Upload(FileView.of(existing.get()), false, otherSourcesWith(sourceId, stored.sha256()));
        }
        String path = storage.keep(stored, tenant, sourceId);
        try {
            SourceFile file = QuarkusTransaction.requiringNew().call(() -> {
                SourceFile f = new SourceFile();
                f.tenantId = tenant;
                f.sourceId = sourceId;
                f.sha256 = stored.sha256();
                f.sizeBytes = stored.size();
                f.originalName = originalName;
                f.storagePath = path;
                f.status = SourceFile.PENDING;
                files.persist(f);
                files.flush();
                return f;
            });
            return new Upload(FileView.of(file), true, otherSourcesWith(sourceId, stored.sha256()));
        } catch (RuntimeException e) {
            // a concurrent upload of the same bytes won the race: answer with its file
            return QuarkusTransaction.requiringNew().call(() -> files.findBySha(sourceId, stored.sha256()))
                    .map(f -> new Upload(FileView.of(f), false, otherSourcesWith(sourceId, stored.sha256()))).orElseThrow(() -> e);
        }
    }

    private List<Long> otherSourcesWith(long sourceId, String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> files.list("sha256 = ?1 and sourceId <> ?2", sha256, sourceId)
                .stream().map(f -> f.sourceId).distinct().sorted().toList());
    }

    public List<FileView> list(long sourceId) {
        requireSource(sourceId);
        return QuarkusTransaction.requiringNew().call(() -> files.listBySource(sourceId).stream().map(FileView::of).toList());
    }

    public Optional<FileView> find(long sourceId, long fileId) {
        return QuarkusTransaction.requiringNew().call(() -> files.findByIdOptional(fileId)
                .filter(f -> f.sourceId == sourceId).map(FileView::of));
    }

    /** Discards a pending file of the source: no run loads it; 409 for a file already loaded or failed. */
    public FileView discard(long sourceId, long fileId, String actor) {
        requireSource(sourceId);
        FileView discarded = QuarkusTransaction.requiringNew().call(() -> {
            SourceFile f = files.findByIdOptional(fileId).filter(x -> x.sourceId == sourceId)
                    .orElseThrow(() -> ProblemException.notFound("file " + fileId));
            if (SourceFile.DISCARDED.equals(f.status)) {
                return FileView.of(f);
            }
            if (!SourceFile.PENDING.equals(f.status)) {
                throw ProblemException.conflict("file", "file " + fileId + " is " + f.status
                        + ": only a file still waiting for a run can be discarded");
            }
            f.status = SourceFile.DISCARDED;
            f.processedAt = java.time.Instant.now();
            return FileView.of(f);
        });
        audit.record(scope.requireTenant(), actor, "file discarded", null, null,
                "file " + fileId + " '" + discarded.name() + "' of source " + sourceId);
        return discarded;
    }

    private void requireSource(long sourceId) {
        boolean visible = QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(sourceId).isPresent());
        if (!visible) {
            throw ProblemException.notFound("source " + sourceId);
        }
    }

    /** The source, if it can still receive files. */
    private void requireSourceInUse(long sourceId) {
        app.phare.source.Source s = QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(sourceId)
                .orElseThrow(() -> ProblemException.notFound("source " + sourceId)));
        if (s.status == app.phare.source.SourceStatus.archived) {
            throw ProblemException.conflict("source", "source '" + s.name + "' is archived: it takes no more files");
        }
    }
}
