package app.phare.tenant;

/** A tenant as the API shows it. */
public record TenantView(long id, String name, String timezone, String currency, String locale) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id, t.name, t.timezone, t.currency, t.locale);
    }
}
