package app.phare.tenant;

import app.phare.common.PhareConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * On the first start against an empty database, creates tenant "Demo" and its administrator admin@demo.local
 * (also operator), with PHARE_ADMIN_PASSWORD or a generated password printed once. Safe when several instances
 * start together: the check and the creation happen under one advisory lock.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);
    public static final String DEMO_TENANT = "Demo";
    public static final String ADMIN_EMAIL = "admin@demo.local";

    @Inject
    PhareConfig config;

    @Inject
    EntityManager em;

    @Inject
    TenantRepository tenants;

    @Inject
    UserDirectory users;

    @Inject
    Event<DemoTenantCreated> demoCreated;

    /** Fired once, after the Demo tenant is committed. */
    public record DemoTenantCreated(long tenantId, String timezone) {
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        Tenant demo = TenantScope.callAs(null, () -> QuarkusTransaction.requiringNew().call(this::createDemoIfEmpty));
        if (demo != null) {
            demoCreated.fire(new DemoTenantCreated(demo.id, demo.timezone));
        }
    }

    private Tenant createDemoIfEmpty() {
        em.createNativeQuery("select pg_advisory_xact_lock(7070001)").getSingleResult();
        if (tenants.count() > 0) {
            return null;
        }
        Tenant demo = new Tenant();
        demo.name = DEMO_TENANT;
        demo.timezone = "Europe/London";
        demo.currency = "GBP";
        demo.locale = "en-GB";
        tenants.persist(demo);
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElseGet(FirstStart::generatedPassword);
        AppUser admin = new AppUser();
        admin.tenantId = demo.id;
        admin.email = ADMIN_EMAIL;
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.role = AppUser.ADMIN;
        admin.operator = true;
        users.persist(admin);
        if (config.adminPassword().filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warnf("First start: created tenant Demo and user %s with generated password %s "
                    + "(shown only this once; set PHARE_ADMIN_PASSWORD to choose it)", ADMIN_EMAIL, password);
        } else {
            LOG.infof("First start: created tenant Demo and user %s with the password from PHARE_ADMIN_PASSWORD", ADMIN_EMAIL);
        }
        return demo;
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
