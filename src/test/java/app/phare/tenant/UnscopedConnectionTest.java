package app.phare.tenant;

import app.phare.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant scoping does not depend on the thread: Phare code that takes a connection without saying whom it works
 * for gets an error, not every tenant's rows; inside a tenant's scope it sees that tenant's rows only, and explicit
 * system work (callAs(null)) stays possible.
 */
@QuarkusTest
class UnscopedConnectionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScopedWork work;

    /** Background work as Phare declares it: for one tenant, or for the system. */
    @jakarta.enterprise.context.ApplicationScoped
    static class ScopedWork {
        @Inject
        AgroalDataSource dataSource;

        @TenantWork
        long tenantsSeenFor(@TenantWork.TenantId long tenantId) throws SQLException {
            return count(dataSource);
        }

        @SystemWork
        long tenantsSeenBySystem() throws SQLException {
            return count(dataSource);
        }
    }

    static long count(AgroalDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM tenant")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aConnectionTakenOutsideAnyScopeIsRefused() throws Exception {
        Api.TestTenant a = Api.aTenant();
        Api.TestTenant b = Api.aTenant();
        assertThatThrownBy(() -> dataSource.getConnection().close())
                .hasMessageContaining("outside any tenant scope").hasMessageContaining("UnscopedConnectionTest");
        assertThat(TenantScope.callAs(a.id(), this::tenantsUnchecked)).isEqualTo(1);
        assertThat(TenantScope.callAs(null, this::tenantsUnchecked)).isGreaterThanOrEqualTo(2);
        // the declarative way, on a thread with no request context of its own; undeclared work there is refused too
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertThat(pool.submit(() -> work.tenantsSeenFor(b.id())).get()).isEqualTo(1);
            assertThat(pool.submit(() -> work.tenantsSeenBySystem()).get()).isGreaterThanOrEqualTo(2);
            assertThatThrownBy(() -> pool.submit(this::tenants).get()).hasMessageContaining("outside any tenant scope");
        } finally {
            pool.shutdown();
        }
    }

    private long tenantsUnchecked() {
        try {
            return tenants();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many tenants' rows the connection sees. */
    private long tenants() throws SQLException {
        return count(dataSource);
    }
}
