package app.phare.source;

import java.time.Instant;

/** A source as the API shows it. */
public record SourceView(long id, String name, SourceKind kind, SourceFormat format, SourceMapping mapping, Instant createdAt) {

    static SourceView of(Source s) {
        return new SourceView(s.id, s.name, s.kind, s.format, s.mapping, s.createdAt);
    }
}
