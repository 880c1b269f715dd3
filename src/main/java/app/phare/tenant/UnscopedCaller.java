package app.phare.tenant;

import java.util.Set;

/**
 * Who takes a database connection without a tenant scope: the first frame of the stack that is not connection,
 * transaction or ORM plumbing. Phare's own code there is a mistake (see {@link TenantConnectionInterceptor}); a
 * framework's (Flyway's migrations, Quartz's job store, the health check) is that framework's own business.
 */
final class UnscopedCaller {

    private static final String PHARE = "app.phare.";
    /** Frames between a caller and the pool: never the caller themselves. */
    private static final Set<String> PLUMBING = Set.of("java.", "jdk.", "sun.", "jakarta.", "javax.", "io.agroal.",
            "org.postgresql.", "org.hibernate.", "io.quarkus.hibernate.", "io.quarkus.narayana.", "com.arjuna.",
            "io.quarkus.arc.", "io.smallrye.context.", "io.quarkus.agroal.runtime.AgroalDataSource",
            "io.quarkus.agroal.runtime.DataSource", "io.quarkus.agroal.runtime.Unconfigured", "app.phare.tenant.UnscopedCaller",
            "app.phare.tenant.TenantConnectionInterceptor");

    private UnscopedCaller() {
    }

    /** The Phare method that took the connection, or null when the taker is a framework. */
    static String phareCaller() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(f -> f.getClassName() + "." + f.getMethodName())
                .filter(name -> PLUMBING.stream().noneMatch(name::startsWith))
                .findFirst()
                .filter(name -> name.startsWith(PHARE))
                .orElse(null));
    }
}
