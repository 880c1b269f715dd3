package app.phare.tenant;

import app.phare.testing.Api;

import java.util.Map;

/** Lets tests in other packages log in through the form like {@link TenantIsolationTest} does. */
public final class TenantIsolationTestAccess {

    private TenantIsolationTestAccess() {
    }

    public static Map<String, String> login(String email, String password) {
        return TenantIsolationTest.login(email, password);
    }

    public static Map<String, String> login(Api.TestTenant tenant) {
        return TenantIsolationTest.login(tenant.admin(), tenant.password());
    }
}
