package app.phare.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Browser sessions kept in PostgreSQL (user_session), so that every instance knows when one ends. The form login's
 * cookie says who the user is; the {@value #COOKIE} cookie names the session, and a session that was ended (logout,
 * password change) is refused on every instance. A live session is remembered for {@link #CHECK_EVERY} per
 * instance; ending it on this instance forgets it at once.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "phare-session";
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    /** Session hash (hex) to the e-mail it belongs to, while recently checked. */
    private final Cache<String, String> live = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CHECK_EVERY).build();

    /** Starts a session of the user; returns the secret its cookie carries. */
    public String start(long userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TenantScope.runAs(null, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM user_session WHERE last_seen_at < now() - interval '1 day'").executeUpdate();
            em.createNativeQuery("INSERT INTO user_session (token_hash, user_id) VALUES (?1, ?2)")
                    .setParameter(1, sha256(secret)).setParameter(2, userId).executeUpdate();
        }));
        return secret;
    }

    /** Whether the secret names a session that has not ended, of the user with this e-mail. */
    public boolean isLive(String secret, String email) {
        if (secret == null || secret.length() > 100) {
            return false;
        }
        byte[] hash = sha256(secret);
        String key = HexFormat.of().formatHex(hash);
        String cached = live.getIfPresent(key);
        if (cached != null) {
            return cached.equalsIgnoreCase(email);
        }
        List<?> rows = TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = em.createNativeQuery("SELECT u.email FROM user_session s JOIN app_user u ON u.id = s.user_id "
                    + "WHERE s.token_hash = ?1").setParameter(1, hash).getResultList();
            if (!found.isEmpty()) {
                em.createNativeQuery("UPDATE user_session SET last_seen_at = now() WHERE token_hash = ?1 "
                        + "AND last_seen_at < now() - make_interval(secs => ?2)")
                        .setParameter(1, hash).setParameter(2, (double) TOUCH_EVERY.toSeconds()).executeUpdate();
            }
            return found;
        }));
        if (rows.isEmpty()) {
            return false;
        }
        String owner = (String) rows.get(0);
        live.put(key, owner);
        return owner.equalsIgnoreCase(email);
    }

    /** Ends one session (logout). */
    public void end(String secret) {
        if (secret == null || secret.length() > 100) {
            return;
        }
        byte[] hash = sha256(secret);
        live.invalidate(HexFormat.of().formatHex(hash));
        TenantScope.runAs(null, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM user_session WHERE token_hash = ?1").setParameter(1, hash).executeUpdate()));
    }

    /** Ends every session of the user (password change). */
    public void endAll(long userId, String email) {
        TenantScope.runAs(null, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM user_session WHERE user_id = ?1").setParameter(1, userId).executeUpdate()));
        live.asMap().values().removeIf(owner -> owner.equalsIgnoreCase(email));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
