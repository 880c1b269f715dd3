package app.phare.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/tenants. */
public record TenantRequest(@NotBlank @Size(max = 120) String name,
                            @NotBlank String timezone,
                            @NotBlank String currency,
                            @NotBlank String locale) {
}
