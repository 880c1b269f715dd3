package app.phare.fraud;

import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tenant's fraud rules (live_settings.fraud_rules, defaults when absent). The check reads them on every payment,
 * so they are kept in memory: read from the database on a tenant's first check, then re-read in the background
 * every {@value #REFRESH_SECONDS} seconds (a change made on another instance applies here within that delay; one
 * made here applies at once). The check never waits on these re-reads.
 */
@ApplicationScoped
public class FraudRulesService {

    private static final Logger LOG = Logger.getLogger(FraudRulesService.class);
    static final int REFRESH_SECONDS = 10;

    private record Kept(FraudRules rules, long readAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fraud-rules-refresh");
        t.setDaemon(true);
        return t;
    });

    /** The tenant's rules, from memory (trusted read: works inside or outside a request). */
    public FraudRules get(long tenantId) {
        Kept k = kept.get(tenantId);
        if (k == null) {
            return reread(tenantId);
        }
        if (System.nanoTime() - k.readAt > REFRESH_SECONDS * 1_000_000_000L && refreshing.add(tenantId)) {
            refresher.execute(() -> {
                try {
                    reread(tenantId);
                } catch (RuntimeException e) {
                    LOG.warnf("could not re-read the fraud rules of tenant %d, keeping the last ones: %s", tenantId, e.getMessage());
                } finally {
                    refreshing.remove(tenantId);
                }
            });
        }
        return k.rules;
    }

    /** Applies a change (fields left out keep their value) and saves the rules; 400 naming the field when invalid. */
    public FraudRules change(long tenantId, JsonNode change, String by) {
        FraudRules rules = FraudRulesReader.apply(json, get(tenantId), change);
        String text;
        try {
            text = json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        TenantScope.runAs(tenantId, () -> write(tenantId, text, by));
        kept.put(tenantId, new Kept(rules, System.nanoTime()));
        return rules;
    }

    private FraudRules reread(long tenantId) {
        long started = System.nanoTime();
        FraudRules rules = TenantScope.callAs(tenantId, () -> read(tenantId));
        // a change saved while this read was under way is newer: keep it
        return kept.merge(tenantId, new Kept(rules, started), (old, read) -> old.readAt > read.readAt ? old : read).rules;
    }

    private FraudRules read(long tenantId) {
        String stored;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT fraud_rules::text FROM live_settings WHERE tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                stored = rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the fraud rules: " + e.getMessage(), e);
        }
        if (stored == null) {
            return FraudRules.DEFAULTS;
        }
        try {
            // rules saved by an older version lack the newer fields: those take their defaults
            return FraudRulesReader.apply(json, FraudRules.DEFAULTS, json.readTree(stored));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf("the stored fraud rules of tenant %d are unreadable (%s); using the defaults", tenantId, e.getMessage());
            return FraudRules.DEFAULTS;
        }
    }

    private void write(long tenantId, String rules, String by) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO live_settings (tenant_id, fraud_rules, updated_by, updated_at) VALUES (?, ?::jsonb, ?, now())
                     ON CONFLICT (tenant_id) DO UPDATE SET fraud_rules = excluded.fraud_rules,
                         updated_by = excluded.updated_by, updated_at = now()""")) {
            ps.setLong(1, tenantId);
            ps.setString(2, rules);
            ps.setString(3, by);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the fraud rules: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
