package app.phare.token;

import app.phare.common.ProblemException;
import app.phare.tenant.TenantScope;
import app.phare.tenant.TenantScopeFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, lists and revokes a tenant's API tokens, and turns a presented token into an identity. A token is 256
 * random bits: a plain SHA-256 of it is as safe to store as a slow password hash, and can be looked up directly.
 * Verified tokens are remembered for a few seconds so that a busy client does not cost a query per call; revoking
 * forgets them at once on this instance (other instances within that delay). A token may carry an expiry: past it,
 * the token is refused with the reason ({@link #EXPIRED}).
 */
@ApplicationScoped
public class ApiTokenService implements PanacheRepository<ApiToken> {

    static final String PREFIX = "phr_";
    private static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as the list shows it (never the token itself). */
    public record View(long id, String name, String prefix, List<String> scopes, String createdBy, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt, Instant expiresAt, boolean expired, boolean active) {
    }

    /** A new token: the only time its secret is shown. */
    public record Created(long id, String name, String token, List<String> scopes, Instant expiresAt) {
    }

    /** Attribute of the AuthenticationFailedException of an expired token: the reason, for its 401. */
    public static final String EXPIRED = "phare.token-expired";

    private record Remembered(SecurityIdentity identity, long tokenId, long until, Instant expiresAt) {
    }

    @Inject
    TenantScope scope;

    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private final Map<Long, Long> touched = new ConcurrentHashMap<>();

    /** Creates a token for the tenant in scope; expiresAt may be null (it never expires). */
    public Created create(String name, List<String> scopes, String createdBy, Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ProblemException.badRequest("expiresAt", "the expiry must be in the future, e.g. "
                    + Instant.now().plus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw ProblemException.badRequest("name", "give the token a name of 1 to 100 characters, e.g. 'web shop'");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw ProblemException.badRequest("scopes", "choose at least one scope: " + String.join(", ", Scope.ALL));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String s : scopes) {
            if (!Scope.ALL.contains(s)) {
                throw ProblemException.badRequest("scopes", "unknown scope '" + s + "'; scopes are " + String.join(", ", Scope.ALL));
            }
            chosen.add(s);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiToken t = new ApiToken();
            t.tenantId = scope.requireTenant();
            t.name = cleanName;
            t.prefix = token.substring(0, 12);
            t.tokenHash = sha256(token);
            t.scopes = chosen.toArray(String[]::new);
            t.createdBy = createdBy;
            t.expiresAt = expiresAt;
            persist(t);
            return new Created(t.id, t.name, token, List.copyOf(chosen), t.expiresAt);
        });
    }

    /** The tenant's tokens, newest first. */
    public List<View> list() {
        return QuarkusTransaction.requiringNew().call(() -> find("order by id desc").list().stream()
                .map(ApiTokenService::view).toList());
    }

    /** Revokes a token of the tenant in scope; revoking twice is harmless. */
    public View revoke(long id, String by) {
        View v = QuarkusTransaction.requiringNew().call(() -> {
            ApiToken t = findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("token " + id));
            if (t.revokedAt == null) {
                t.revokedAt = Instant.now();
                t.revokedBy = by;
            }
            return view(t);
        });
        verified.values().removeIf(r -> r.tokenId == id);
        return v;
    }

    /**
     * The identity a presented token stands for, if it is one of Phare's live tokens; an expired one throws
     * an AuthenticationFailedException with the reason as its {@link #EXPIRED} attribute. Runs as trusted system code.
     */
    @app.phare.tenant.SystemWork // the token says which tenant; finding it looks at every tenant's tokens
    public Optional<SecurityIdentity> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String key = HexFormat.of().formatHex(sha256(presented));
        Remembered hit = verified.get(key);
        long now = System.nanoTime();
        if (hit != null && hit.until > now) {
            if (hit.expiresAt != null && !hit.expiresAt.isAfter(Instant.now())) {
                throw expired(hit.expiresAt);
            }
            touch(hit.tokenId);
            return Optional.of(hit.identity);
        }
        Optional<ApiToken> found = QuarkusTransaction.requiringNew().call(() ->
                find("tokenHash = ?1 and revokedAt is null", (Object) sha256(presented)).firstResultOptional());
        if (found.isEmpty()) {
            verified.remove(key);
            return Optional.empty();
        }
        ApiToken t = found.get();
        if (t.expiresAt != null && !t.expiresAt.isAfter(Instant.now())) {
            throw expired(t.expiresAt);
        }
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("token:" + t.name))
                .addRole(Scope.API_CLIENT)
                .addAttribute(TenantScopeFilter.TENANT_ATTRIBUTE, t.tenantId)
                .addAttribute("apiTokenId", t.id);
        Arrays.stream(t.scopes).forEach(b::addRole);
        SecurityIdentity identity = b.build();
        verified.put(key, new Remembered(identity, t.id, now + REMEMBER.toNanos(), t.expiresAt));
        touch(t.id);
        return Optional.of(identity);
    }

    private static AuthenticationFailedException expired(Instant at) {
        String reason = "the API token expired at " + at + "; an administrator can create a new one under Admin, API tokens";
        return new AuthenticationFailedException(reason, Map.of(EXPIRED, reason));
    }

    /** Records the last use, at most once a minute per token. */
    private void touch(long tokenId) {
        long now = System.nanoTime();
        Long last = touched.get(tokenId);
        if (last != null && now - last < TOUCH_EVERY.toNanos()) {
            return;
        }
        touched.put(tokenId, now);
        Instant at = Instant.now();
        // off the request path: a client's call never waits for this bookkeeping
        java.util.concurrent.CompletableFuture.runAsync(() -> TenantScope.runAs(null, () -> QuarkusTransaction.requiringNew()
                .run(() -> update("lastUsedAt = ?1 where id = ?2", at, tokenId))));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static View view(ApiToken t) {
        boolean expired = t.expiresAt != null && !t.expiresAt.isAfter(Instant.now());
        return new View(t.id, t.name, t.prefix + "…", List.of(t.scopes), t.createdBy, t.createdAt, t.lastUsedAt,
                t.revokedAt, t.expiresAt, expired, t.revokedAt == null && !expired);
    }
}
