package app.phare.tenant;

import app.phare.common.PhareConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slows down and then stops password guessing, per account and per address, on every instance (login_throttle):
 * after {@code delay-after-failures} failures each attempt waits, twice as long each time; after
 * {@code lock-after-failures} the account (or address) is locked for {@code lock-duration}, even for the right
 * password, and the account's user is told by e-mail. Failures older than the lock duration are forgotten.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    /** What an attempt must go through before its password is checked. */
    public record Verdict(Duration delay, boolean locked) {
    }

    @Inject
    EntityManager em;

    @Inject
    PhareConfig config;

    @Inject
    Mailer mailer;

    public Verdict before(String email, String address) {
        PhareConfig.Login c = config.login();
        List<?> rows = TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT key, failures, locked_until > now() FROM login_throttle WHERE key IN (?1, ?2) "
                                + "AND (last_failure_at > now() - make_interval(secs => ?3) OR locked_until > now())")
                .setParameter(1, accountKey(email)).setParameter(2, addressKey(address))
                .setParameter(3, (double) c.lockDuration().toSeconds()).getResultList()));
        Duration wait = Duration.ZERO;
        boolean locked = false;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            boolean account = ((String) r[0]).startsWith("account:");
            int failures = ((Number) r[1]).intValue();
            locked |= Boolean.TRUE.equals(r[2]);
            Duration w = waitAfter(failures, account ? c.delayAfterFailures() : c.addressDelayAfterFailures());
            wait = w.compareTo(wait) > 0 ? w : wait;
        }
        return new Verdict(wait, locked);
    }

    /** Counts a failed attempt; the one that reaches the threshold locks, and e-mails the user if there is one. */
    public void failed(String email, String address, boolean userExists) {
        PhareConfig.Login c = config.login();
        if (count(accountKey(email), c.lockAfterFailures()) && userExists) {
            LOG.warnf("login of %s locked for %s after %d failed attempts", email, c.lockDuration(), c.lockAfterFailures());
            tell(email, c.lockDuration());
        }
        if (address != null && count(addressKey(address), c.addressLockAfterFailures())) {
            LOG.warnf("logins from %s locked for %s after %d failed attempts", address, c.lockDuration(),
                    c.addressLockAfterFailures());
        }
    }

    /** A successful login clears its account's failures. */
    public void succeeded(String email) {
        TenantScope.runAs(null, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM login_throttle WHERE key = ?1 AND (locked_until IS NULL OR locked_until <= now())")
                .setParameter(1, accountKey(email)).executeUpdate()));
    }

    private Duration waitAfter(int failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        Duration wait = config.login().delay().multipliedBy(1L << Math.min(failures - threshold, 20));
        return wait.compareTo(config.login().maxDelay()) > 0 ? config.login().maxDelay() : wait;
    }

    /** Adds a failure; true when this one locks the key. */
    private boolean count(String key, int lockAfter) {
        double window = config.login().lockDuration().toSeconds();
        return TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(() -> {
            int failures = ((Number) em.createNativeQuery("""
                    INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?1, 1, now())
                    ON CONFLICT (key) DO UPDATE SET last_failure_at = now(),
                        failures = CASE WHEN login_throttle.last_failure_at < now() - make_interval(secs => ?2) THEN 1
                                        ELSE login_throttle.failures + 1 END
                    RETURNING failures""").setParameter(1, key).setParameter(2, window).getSingleResult()).intValue();
            if (failures < lockAfter) {
                return false;
            }
            em.createNativeQuery("UPDATE login_throttle SET failures = 0, locked_until = now() + make_interval(secs => ?2) "
                    + "WHERE key = ?1").setParameter(1, key).setParameter(2, window).executeUpdate();
            return true;
        }));
    }

    private void tell(String email, Duration lock) {
        try {
            mailer.send(Mail.withText(email, "[Phare] Logging in to your account is paused",
                    "Someone tried to log in to Phare as " + email + " with a wrong password many times, so logging in "
                            + "to this account is paused until " + Instant.now().plus(lock) + " (UTC).\n\n"
                            + "If it was you, wait and try again. If not, your password held; consider changing it "
                            + "with your administrator."));
        } catch (RuntimeException e) {
            LOG.errorf("could not e-mail %s about the login lock: %s", email, e.getMessage());
        }
    }

    private static String accountKey(String email) {
        return "account:" + email.trim().toLowerCase();
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
