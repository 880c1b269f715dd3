package app.phare.tenant;

import app.phare.common.Csrf;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks e-mail and password against the bcrypt hashes in app_user (HTTP Basic and the login form), through the
 * {@link LoginThrottle}; an unknown e-mail costs the same bcrypt check as a known one. A successful check is
 * remembered for a minute in a bounded cache, keyed by a digest of the credentials, so that API clients sending Basic
 * credentials on every call do not pay for bcrypt on every call. A form login must carry the login page's CSRF
 * token, and starts a server-side session ({@link Sessions}).
 */
@ApplicationScoped
public class PhareIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration REMEMBER = Duration.ofMinutes(1);
    static final long REMEMBER_AT_MOST = 10_000;
    /** Checked against when the e-mail is unknown, so that unknown and known e-mails take as long. */
    private static final String NOBODY_HASH = BcryptUtil.bcryptHash("no such user " + System.nanoTime());
    static final String LOGIN_PATH = "/j_security_check";

    @Inject
    UserDirectory users;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    private final Cache<String, Verified> verified = rememberedLogins(REMEMBER_AT_MOST, REMEMBER);

    record Verified(SecurityIdentity identity, long userId) {
    }

    static Cache<String, Verified> rememberedLogins(long atMost, Duration remember) {
        return Caffeine.newBuilder().maximumSize(atMost).expireAfterWrite(remember).build();
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String email = request.getUsername().trim().toLowerCase();
        String password = new String(request.getPassword().getPassword());
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean form = rc != null && rc.normalizedPath().endsWith(LOGIN_PATH);
        if (form && !csrfMatches(rc)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the login form had expired"));
        }
        String address = rc == null || rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
        String key = digest(email + '\0' + password);
        Verified hit = verified.getIfPresent(key);
        Uni<Verified> checked;
        if (hit != null) {
            checked = Uni.createFrom().item(hit);
        } else {
            checked = Uni.createFrom().item(() -> throttle.before(email, address))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(verdict -> verdict.delay().isZero() ? Uni.createFrom().item(verdict)
                            : Uni.createFrom().item(verdict).onItem().delayIt().by(verdict.delay()))
                    .chain(verdict -> Uni.createFrom().item(() -> check(email, password, address, verdict.locked(), key))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        }
        return checked.chain(v -> form ? context.runBlocking(() -> startSession(rc, v)) : Uni.createFrom().item(v.identity()));
    }

    private Verified check(String email, String password, String address, boolean locked, String key) {
        Optional<AppUser> user = users.findByEmail(email);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(NOBODY_HASH));
        if (locked) {
            throw new AuthenticationFailedException("logging in is paused after too many failed attempts");
        }
        if (!matches || user.isEmpty()) {
            throttle.failed(email, address, user.isPresent());
            throw new AuthenticationFailedException("wrong e-mail or password");
        }
        throttle.succeeded(email);
        Verified v = new Verified(identityOf(user.get()), user.get().id);
        verified.put(key, v);
        return v;
    }

    private SecurityIdentity startSession(RoutingContext rc, Verified v) {
        String secret = sessions.start(v.userId());
        rc.response().addCookie(Cookie.cookie(Sessions.COOKIE, secret).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
        return v.identity();
    }

    /** Forgets the remembered credentials of this user (password changed). */
    void forget(String email) {
        verified.asMap().values().removeIf(v -> v.identity().getPrincipal().getName().equalsIgnoreCase(email));
    }

    private static boolean csrfMatches(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(Csrf.COOKIE);
        String field = rc.request().getFormAttribute(Csrf.FIELD);
        return cookie != null && field != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8));
    }

    static SecurityIdentity identityOf(AppUser user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email))
                .addRole(user.role)
                .addAttribute(TenantScopeFilter.TENANT_ATTRIBUTE, user.tenantId);
        if (user.operator) {
            builder.addRole(AppUser.OPERATOR);
        }
        return builder.build();
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
