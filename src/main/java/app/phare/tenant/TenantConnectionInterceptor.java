package app.phare.tenant;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Confines every pooled connection taken inside a tenant scope to that tenant: the connection switches to role
 * {@code phare_tenant}, which row-level security policies restrict to rows whose tenant_id equals
 * {@code phare.tenant_id}. Within a transaction the switch is transaction-local (PostgreSQL undoes it at commit or
 * rollback); outside one it is undone when the connection returns to the pool.
 */
@ApplicationScoped
public class TenantConnectionInterceptor implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(TenantConnectionInterceptor.class);

    private final Set<Object> confined = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (!TenantScope.currentDeclared()) {
            // work that never said whom it works for: Phare's own code must (it would see every tenant's rows);
            // the frameworks' own tables (migrations, the Quartz job store, health checks) are theirs to reach
            String caller = UnscopedCaller.phareCaller();
            if (caller != null) {
                throw new IllegalStateException("a database connection was taken outside any tenant scope (by " + caller
                        + "): run the work inside TenantScope.callAs(tenantId, …), or callAs(null, …) for system work");
            }
            return;
        }
        Long tenant = TenantScope.current();
        if (tenant == null) {
            return;
        }
        // set_config('role', …) is SET ROLE; both settings in one round trip, the tenant id as a parameter
        try {
            boolean local = !connection.getAutoCommit();
            try (java.sql.PreparedStatement ps = connection.prepareStatement(
                    "SELECT set_config('role', 'phare_tenant', ?), set_config('phare.tenant_id', ?, ?)")) {
                // inside a transaction: PostgreSQL itself undoes the switch when the transaction ends
                ps.setBoolean(1, local);
                ps.setString(2, Long.toString(tenant));
                ps.setBoolean(3, local);
                ps.execute();
            }
            if (!local) {
                confined.add(physical(connection));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not confine the connection to tenant " + tenant, e);
        }
    }

    /** The driver's own connection: the pool may hand out different wrappers of it on acquire and on return. */
    private static Object physical(Connection connection) throws SQLException {
        return connection.unwrap(org.postgresql.PGConnection.class);
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (!confined.remove(physical(connection))) {
                return;
            }
        } catch (SQLException e) {
            LOG.warnf("could not identify a returned connection: %s", e.getMessage());
        }
        try (Statement st = connection.createStatement()) {
            st.execute("RESET ROLE; SELECT set_config('phare.tenant_id', '', false)");
        } catch (SQLException e) {
            // the connection stays confined (it can see less, never more); the next scoped use sets it again
            LOG.warnf("could not reset a tenant connection: %s", e.getMessage());
        }
    }
}
