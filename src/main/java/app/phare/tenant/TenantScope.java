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
    /** Whether this context's work said whom it works for (a tenant, nobody, or the system); until then it may not touch the database. */
    private boolean declared;

    /** The tenant the current work is confined to, or null for trusted system work (jobs, start-up). */
    public Long tenantId() {
        return tenantId;
    }

    /** Whether a scope was set in this context (by the request filter or {@link #callAs}). */
    public boolean declared() {
        return declared;
    }

    void set(Long tenantId) {
        this.tenantId = tenantId;
        this.declared = true;
    }

    void restore(Long tenantId, boolean declared) {
        this.tenantId = tenantId;
        this.declared = declared;
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
        boolean wasDeclared = scope.declared();
        scope.set(tenantId);
        try {
            return work.get();
        } finally {
            scope.restore(previous, wasDeclared);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** {@link #callAs} for work that throws checked exceptions (the interceptors of {@link SystemWork} and {@link TenantWork}). */
    static <T> T callChecked(Long tenantId, java.util.concurrent.Callable<T> work) throws Exception {
        Exception[] thrown = {null};
        T result = callAs(tenantId, () -> {
            try {
                return work.call();
            } catch (Exception e) {
                thrown[0] = e;
                return null;
            }
        });
        if (thrown[0] != null) {
            throw thrown[0];
        }
        return result;
    }

    public static void runAs(Long tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** The scope in effect on this thread, without creating a request context: null for system work. */
    static Long current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        return Arc.container().instance(TenantScope.class).get().tenantId();
    }

    /** Whether the work on this thread declared its scope (a request, or inside {@link #callAs}). */
    static boolean currentDeclared() {
        ManagedContext requestContext = Arc.container().requestContext();
        return requestContext.isActive() && Arc.container().instance(TenantScope.class).get().declared();
    }
}
