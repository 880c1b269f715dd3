package app.phare.tenant;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;

import java.util.function.Supplier;

/**
 * Which tenant the current request or job works for. Every database connection taken while a scope is set
 * runs as role {@code phare_tenant} with {@code phare.tenant_id} set, so row-level security confines it to that
 * tenant (see {@link TenantConnectionInterceptor}). HTTP requests get their scope from the logged-in user
 * ({@link TenantScopeFilter}); anonymous requests get a scope that sees no tenant at all.
 */
@RequestScoped
public class TenantScope {

    /** Scope value that matches no tenant: for anonymous requests. */
    public static final long NOBODY = -1L;

    private Long tenantId;

    /** The tenant the current work is confined to, or null for trusted system work (jobs, start-up). */
    public Long tenantId() {
        return tenantId;
    }

    void set(Long tenantId) {
        this.tenantId = tenantId;
    }

    /** The tenant of the current request; fails if the request has none (should not happen behind authentication). */
    public long requireTenant() {
        if (tenantId == null || tenantId == NOBODY) {
            throw new IllegalStateException("no tenant in scope");
        }
        return tenantId;
    }

    /**
     * Runs work confined to the given tenant (null: as trusted system code), restoring the previous scope afterwards.
     * Work that needs the database must start its own transaction inside, so its connection is taken in the new scope.
     */
    public static <T> T callAs(Long tenantId, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        // always through methods: the instance is a client proxy, its own fields are not the request's
        TenantScope scope = Arc.container().instance(TenantScope.class).get();
        Long previous = scope.tenantId();
        scope.set(tenantId);
        try {
            return work.get();
        } finally {
            scope.set(previous);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    public static void runAs(Long tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** The scope in effect on this thread, without creating a request context: null when there is none. */
    static Long current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        return Arc.container().instance(TenantScope.class).get().tenantId();
    }
}
