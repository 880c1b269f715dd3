package app.phare.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The credentials remembered for a minute are a bounded cache: many distinct logins never grow it past its size. */
class RememberedLoginsTest {

    @Test
    void rememberedLoginsStayWithinTheirBound() {
        Cache<String, PhareIdentityProvider.Verified> cache = PhareIdentityProvider.rememberedLogins(100, Duration.ofMinutes(1));
        for (int i = 0; i < 5_000; i++) {
            cache.put("key-" + i, new PhareIdentityProvider.Verified(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("user" + i + "@example.com")).build(), i));
        }
        cache.cleanUp();
        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(100);
    }
}
