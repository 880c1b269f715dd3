package app.phare.tenant;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method (or every method of a bean) as trusted system work across tenants: a job that sweeps every
 * tenant's queue, start-up rebuilds. Its connections are unconfined, on purpose and visibly; its SQL filters by
 * tenant itself. Work for one tenant uses {@link TenantWork} instead. Without either (or a request), Phare code
 * that takes a connection gets an error.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SystemWork {
}
