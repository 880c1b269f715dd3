package app.phare.tenant;

/** A user as the API shows it (never the password hash). */
public record UserView(long id, long tenantId, String email, String role, boolean operator) {

    static UserView of(AppUser u) {
        return new UserView(u.id, u.tenantId, u.email, u.role, u.operator);
    }
}
