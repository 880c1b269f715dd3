package app.phare.tenant;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks e-mail and password against the bcrypt hashes in app_user (HTTP Basic and the login form).
 * A successful check is remembered for a minute, keyed by a digest of the credentials, so that API clients
 * sending Basic credentials on every call do not pay for bcrypt on every call.
 */
@ApplicationScoped
public class PhareIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Duration REMEMBER = Duration.ofMinutes(1);

    @Inject
    UserDirectory users;

    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    private record Remembered(SecurityIdentity identity, long until) {
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
        String key = digest(email + '\0' + password);
        Remembered hit = verified.get(key);
        if (hit != null && hit.until > System.nanoTime()) {
            return Uni.createFrom().item(hit.identity);
        }
        return context.runBlocking(() -> {
            AppUser user = users.findByEmail(email)
                    .filter(u -> BcryptUtil.matches(password, u.passwordHash))
                    .orElseThrow(() -> new AuthenticationFailedException("wrong e-mail or password"));
            SecurityIdentity identity = identityOf(user);
            verified.put(key, new Remembered(identity, System.nanoTime() + REMEMBER.toNanos()));
            return identity;
        });
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
