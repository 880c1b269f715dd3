package app.phare.live;

import app.phare.common.ProblemException;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's live settings: after how long a cart without purchase counts as abandoned (default 30 minutes) and the
 * live-vs-batch drift that notifies admins (default 2 %). Read often, so kept for a few seconds in memory.
 */
@ApplicationScoped
public class LiveSettingsService {

    private static final long KEEP_NANOS = 5_000_000_000L;

    /** The settings; the cart window in seconds. */
    public record LiveSettings(int cartWindowSeconds, double driftThresholdPct) {

        public double cartWindowMinutes() {
            return cartWindowSeconds / 60.0;
        }
    }

    /** Body of a change: either field may be left out. Minutes may have decimals (0.5 = 30 seconds). */
    public record Change(Double cartWindowMinutes, Double driftThresholdPct) {
    }

    private record Kept(LiveSettings settings, long until) {
    }

    static final LiveSettings DEFAULTS = new LiveSettings(1800, 2.0);

    @Inject
    AgroalDataSource dataSource;

    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    /** The tenant's settings (trusted read: the sweeper and reconciliation call it outside any request). */
    public LiveSettings get(long tenantId) {
        Kept k = kept.get(tenantId);
        if (k != null && k.until > System.nanoTime()) {
            return k.settings;
        }
        LiveSettings s = TenantScope.callAs(tenantId, () -> read(tenantId));
        kept.put(tenantId, new Kept(s, System.nanoTime() + KEEP_NANOS));
        return s;
    }

    public LiveSettings change(long tenantId, Change change, String by) {
        LiveSettings current = get(tenantId);
        int window = current.cartWindowSeconds();
        double drift = current.driftThresholdPct();
        if (change != null && change.cartWindowMinutes() != null) {
            double m = change.cartWindowMinutes();
            if (!(m * 60 >= 1) || m > 7 * 24 * 60) {
                throw ProblemException.badRequest("cartWindowMinutes", "the cart window is from 1 second (0.0167) to 7 days (10080) in minutes, was " + m);
            }
            window = (int) Math.round(m * 60);
        }
        if (change != null && change.driftThresholdPct() != null) {
            double d = change.driftThresholdPct();
            if (!(d >= 0) || d > 1000) {
                throw ProblemException.badRequest("driftThresholdPct", "the drift threshold is a percentage from 0 to 1000, was " + d);
            }
            drift = d;
        }
        int w = window;
        double t = drift;
        TenantScope.runAs(tenantId, () -> write(tenantId, w, t, by));
        kept.remove(tenantId);
        return get(tenantId);
    }

    private LiveSettings read(long tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT cart_window_seconds, drift_threshold_pct FROM live_settings WHERE tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new LiveSettings(rs.getInt(1), rs.getDouble(2)) : DEFAULTS;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read live settings: " + e.getMessage(), e);
        }
    }

    private void write(long tenantId, int window, double drift, String by) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO live_settings (tenant_id, cart_window_seconds, drift_threshold_pct, updated_by, updated_at)
                     VALUES (?, ?, ?, ?, now())
                     ON CONFLICT (tenant_id) DO UPDATE SET cart_window_seconds = excluded.cart_window_seconds,
                         drift_threshold_pct = excluded.drift_threshold_pct, updated_by = excluded.updated_by,
                         updated_at = now()""")) {
            ps.setLong(1, tenantId);
            ps.setInt(2, window);
            ps.setDouble(3, drift);
            ps.setString(4, by);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save live settings: " + e.getMessage(), e);
        }
    }
}
