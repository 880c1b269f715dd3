package app.phare.source;

import java.time.Instant;

/** A source as the API shows it, with how fresh its data is. */
public record SourceView(long id, String name, SourceKind kind, SourceFormat format, SourceMapping mapping,
                         SourceOptions options, PullConfig pull, Instant createdAt, Freshness freshness,
                         SourceStatus status, Instant archivedAt) {

    static SourceView of(Source s, Freshness freshness) {
        return new SourceView(s.id, s.name, s.kind, s.format, s.mapping, s.options, s.pull, s.createdAt, freshness,
                s.status, s.archivedAt);
    }

    public boolean archived() {
        return status == SourceStatus.archived;
    }

    public boolean paused() {
        return status == SourceStatus.paused;
    }
}
