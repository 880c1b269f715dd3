package app.phare.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/sources. */
public record SourceRequest(@NotBlank @Size(max = 120) String name,
                            @NotNull SourceKind kind,
                            SourceFormat format,
                            @NotNull SourceMapping mapping) {
}
