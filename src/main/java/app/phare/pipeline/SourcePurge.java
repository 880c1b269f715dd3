package app.phare.pipeline;

import app.phare.aggregate.SalesAggregator;
import app.phare.common.ProblemException;
import app.phare.ingest.KindLoader;
import app.phare.source.SourceKind;
import app.phare.tenant.TenantScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes an archived source's records out of the facts and re-derives the aggregates they were part of, in one
 * transaction that holds the tenant's run lock (so it never interleaves with a run's attempt). The source's stored
 * files stay. A products source's catalogue rows are not the source's own (later sources may rely on them) and stay.
 */
@ApplicationScoped
public class SourcePurge {

    /** The same lock a run's attempt holds for the tenant (see {@link RunExecution}). */
    static final int TENANT_RUN_LOCK = 7070002;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SalesAggregator aggregator;

    @Inject
    Instance<KindLoader> kindLoaders;

    @Inject
    app.phare.stock.StockAggregator stock;

    /** What the purge took out: facts deleted and aggregate rows written again. */
    public record Purged(long records, long aggregateRows) {
    }

    /**
     * Removes the source's facts and rebuilds the affected aggregates; 409 while a run of the tenant is loading data.
     * The caller has checked that the source is the tenant's; bulk SQL runs as system code with explicit filters.
     */
    public Purged purge(long tenantId, long sourceId, SourceKind kind) {
        return TenantScope.callAs(null, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (!tryLock(c, tenantId)) {
                        throw ProblemException.conflict("source", "a run is loading this business's data right now; "
                                + "archive the source again when it has ended (usually within a minute)");
                    }
                    Purged purged = switch (kind) {
                        case orders -> orders(c, tenantId, sourceId);
                        case products -> new Purged(0, 0);
                        default -> records(c, tenantId, sourceId, kind);
                    };
                    c.commit();
                    return purged;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not take source " + sourceId + "'s records out of the figures", e);
            }
        });
    }

    private Purged orders(Connection c, long tenantId, long sourceId) throws SQLException {
        Set<LocalDate> days = days(c, "SELECT DISTINCT day FROM order_line WHERE tenant_id = ? AND source_id = ?", tenantId, sourceId);
        long deleted = delete(c, "DELETE FROM order_line WHERE tenant_id = ? AND source_id = ?", tenantId, sourceId);
        if (days.isEmpty()) {
            return new Purged(0, 0);
        }
        long rows = aggregator.rebuild(c, tenantId, days).rowsWritten();
        rows += stock.rebuild(c, tenantId); // units sold changed the days of cover
        return new Purged(deleted, rows);
    }

    private Purged records(Connection c, long tenantId, long sourceId, SourceKind kind) throws SQLException {
        String table = switch (kind) {
            case crm_deals -> "deal";
            case ad_campaigns -> "ad_day";
            case inventory -> "stock_snapshot";
            default -> throw new IllegalArgumentException(kind.name());
        };
        Set<LocalDate> days = kind == SourceKind.ad_campaigns
                ? days(c, "SELECT DISTINCT day FROM ad_day WHERE tenant_id = ? AND source_id = ?", tenantId, sourceId)
                : Set.of();
        long deleted = delete(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND source_id = ?", tenantId, sourceId);
        long rows = 0;
        for (KindLoader loader : kindLoaders) {
            if (loader.kind() == kind && deleted > 0) {
                rows += loader.aggregate(c, tenantId, days);
            }
        }
        return new Purged(deleted, rows);
    }

    private static boolean tryLock(Connection c, long tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, TENANT_RUN_LOCK);
            ps.setInt(2, (int) tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Set<LocalDate> days(Connection c, String sql, long tenantId, long sourceId) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenantId);
            ps.setLong(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getDate(1).toLocalDate());
                }
            }
        }
        return days;
    }

    private static long delete(Connection c, String sql, long tenantId, long sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenantId);
            ps.setLong(2, sourceId);
            return ps.executeUpdate();
        }
    }
}
