package app.phare.tenant;

import app.phare.common.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Creates tenants and their users, checking timezone, currency and locale. */
@ApplicationScoped
public class TenantService {

    @Inject
    TenantRepository tenants;

    @Inject
    UserDirectory users;

    @Inject
    Event<TenantCreated> tenantCreated;

    @Inject
    Sessions sessions;

    @Inject
    PhareIdentityProvider logins;

    /** Fired after a tenant is committed, so that its nightly schedule can be set up. */
    public record TenantCreated(long tenantId, String timezone) {
    }

    public TenantView create(TenantRequest request) {
        String timezone = validTimezone(request.timezone());
        String currency = validCurrency(request.currency());
        String locale = validLocale(request.locale());
        Tenant tenant = TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (tenants.findByName(request.name()).isPresent()) {
                throw ProblemException.conflict("name", "a tenant named '" + request.name().trim() + "' already exists");
            }
            Tenant t = new Tenant();
            t.name = request.name().trim();
            t.timezone = timezone;
            t.currency = currency;
            t.locale = locale;
            tenants.persist(t);
            return t;
        }));
        tenantCreated.fire(new TenantCreated(tenant.id, tenant.timezone));
        return TenantView.of(tenant);
    }

    /** The tenant with this id, if it is visible in the current scope. */
    public Optional<TenantView> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> tenants.findByIdOptional(id).map(TenantView::of));
    }

    /** Every tenant (operators only). */
    public List<TenantView> all() {
        return TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(
                () -> tenants.listAll().stream().map(TenantView::of).toList()));
    }

    /** Adds a user to a tenant; the e-mail must not be taken in any tenant. */
    public UserView addUser(long tenantId, UserRequest request, boolean operator) {
        String email = request.email().trim().toLowerCase();
        if (users.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("email", "a user with e-mail " + email + " already exists");
        }
        return TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            AppUser user = new AppUser();
            user.tenantId = tenantId;
            user.email = email;
            user.passwordHash = BcryptUtil.bcryptHash(request.password());
            user.role = request.role().name();
            user.operator = operator;
            users.persist(user);
            return UserView.of(user);
        }));
    }

    /**
     * Sets a new password for a user of the tenant (an administrator's reset): every session of that user ends, on
     * every instance, and the old password stops working at once on this instance.
     */
    public UserView resetPassword(long tenantId, long userId, String password) {
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw ProblemException.badRequest("password", "choose a password of 8 to 200 characters");
        }
        UserView user = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = users.findByIdOptional(userId).orElseThrow(() -> ProblemException.notFound("user " + userId));
            u.passwordHash = BcryptUtil.bcryptHash(password);
            return UserView.of(u);
        }));
        sessions.endAll(user.id(), user.email());
        logins.forget(user.email());
        return user;
    }

    /** Users of the current tenant. */
    public List<UserView> usersOfCurrentTenant() {
        return QuarkusTransaction.requiringNew().call(
                () -> users.listAll().stream().map(UserView::of).toList());
    }

    static String validTimezone(String zone) {
        String z = zone.trim();
        if (!ZoneId.getAvailableZoneIds().contains(z)) {
            throw ProblemException.badRequest("timezone", "'" + zone + "' is not an IANA timezone such as Europe/Paris");
        }
        return z;
    }

    static String validCurrency(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        boolean known = c.matches("[A-Z]{3}") && Currency.getAvailableCurrencies().stream().anyMatch(k -> k.getCurrencyCode().equals(c));
        if (!known) {
            throw ProblemException.badRequest("currency", "'" + code + "' is not an ISO 4217 currency code such as EUR");
        }
        if (Currency.getInstance(c).getDefaultFractionDigits() < 0) {
            // XXX (no currency), XTS (testing), XAU (gold), XDR (drawing rights): ISO codes, but no money to sell in
            throw ProblemException.badRequest("currency", "'" + c + "' (" + Currency.getInstance(c).getDisplayName(Locale.ENGLISH)
                    + ") is not a currency sales can be in; use one such as EUR");
        }
        return c;
    }

    static String validLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        boolean known = !locale.getLanguage().isEmpty() && Arrays.asList(Locale.getAvailableLocales()).contains(locale);
        if (!known) {
            throw ProblemException.badRequest("locale", "'" + tag + "' is not a known locale such as fr-FR or en-GB");
        }
        return locale.toLanguageTag();
    }
}
