package app.phare.tenant;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as work for one tenant, the one its {@link TenantId} parameter names: its connections (and the
 * transactions it starts) are confined to that tenant by row-level security, whatever thread it runs on.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TenantWork {

    /** Marks the parameter holding the tenant's id (a long or Long). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface TenantId {
    }
}
