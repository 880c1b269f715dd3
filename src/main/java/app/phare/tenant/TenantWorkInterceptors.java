package app.phare.tenant;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Parameter;

/**
 * The interceptors behind {@link SystemWork} and {@link TenantWork}: they set the scope before any transaction
 * interceptor takes a connection (a lower priority runs first), and restore the caller's scope afterwards.
 */
final class TenantWorkInterceptors {

    /** Before {@code @Transactional} (PLATFORM_BEFORE + 200). */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private TenantWorkInterceptors() {
    }

    @SystemWork
    @Interceptor
    @Priority(PRIORITY)
    static class System {
        @AroundInvoke
        Object around(InvocationContext ctx) throws Exception {
            return TenantScope.callChecked(null, ctx::proceed);
        }
    }

    @TenantWork
    @Interceptor
    @Priority(PRIORITY)
    static class Tenant {
        @AroundInvoke
        Object around(InvocationContext ctx) throws Exception {
            Parameter[] parameters = ctx.getMethod().getParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].isAnnotationPresent(TenantWork.TenantId.class)) {
                    Object id = ctx.getParameters()[i];
                    if (!(id instanceof Long tenant)) {
                        throw new IllegalStateException(ctx.getMethod() + ": its @TenantId parameter is null or not a long");
                    }
                    return TenantScope.callChecked(tenant, ctx::proceed);
                }
            }
            throw new IllegalStateException(ctx.getMethod() + " is @TenantWork but has no @TenantId parameter");
        }
    }
}
