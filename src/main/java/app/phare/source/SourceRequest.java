package app.phare.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/sources; freshness thresholds are optional (26 h and 50 h). */
public record SourceRequest(@NotBlank @Size(max = 120) String name,
                            @NotNull SourceKind kind,
                            SourceFormat format,
                            @NotNull SourceMapping mapping,
                            @Valid Thresholds freshness,
                            SourceOptions options,
                            PullConfig pull) {

    public SourceRequest(String name, SourceKind kind, SourceFormat format, SourceMapping mapping) {
        this(name, kind, format, mapping, null, null, null);
    }

    /** After how many hours without a successful ingestion a source is "warn", and "error". */
    public record Thresholds(Integer warnAfterHours, Integer errorAfterHours) {
    }
}
