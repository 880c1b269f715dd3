package app.phare.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/tenants/{id}/users. */
public record UserRequest(@NotBlank @Email @Size(max = 200) String email,
                          @NotBlank @Size(min = 8, max = 200) String password,
                          @NotNull Role role) {

    /** Roles a user can hold within a tenant. */
    public enum Role {
        admin, manager
    }
}
