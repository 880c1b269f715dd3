package app.phare.ops;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Reads the key operational figures: the instance's own from its meter registry, the business's runs from the database. */
@ApplicationScoped
public class OperationsFigures {

    /** This instance since its start. Latencies in milliseconds (null: nothing measured yet). */
    public record Figures(Double ingestRowsPerSecond, Double aggregateRowsPerSecond, long runsSucceeded, long runsFailed,
                          long eventsAccepted, Double eventLagP95, Double livePushP95, Double fraudCheckP99, long reportsQueued,
                          long httpRequests, long httpErrors) {

        public String httpErrorRate() {
            return httpRequests == 0 ? "—" : String.format(Locale.ROOT, "%.2f %%", 100.0 * httpErrors / httpRequests);
        }

        public String ms(Double v) {
            return v == null ? "—" : String.format(Locale.ROOT, "%.1f ms", v);
        }

        public String rate(Double v) {
            return v == null ? "—" : String.format(Locale.ROOT, "%,.0f rows/s", v);
        }
    }

    /** A run of the business: rows read per second of its ingest step, and its cost. */
    public record RecentRun(long runId, String status, Instant startedAt, Long rowsRead, String rowsPerSecond, String seconds,
                            String cpuSeconds, String dbSeconds) {
    }

    /** A month of the business's runs: how many, their cost, and how many started off-peak (22:00–06:00 its time). */
    public record MonthCost(String month, long runs, String cpuSeconds, String dbSeconds, long offPeak) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    public Figures figures() {
        long errors = 0, requests = 0;
        for (Timer t : registry.find("http.server.requests").timers()) {
            requests += t.count();
            String status = t.getId().getTag("status");
            if (status != null && status.startsWith("5")) {
                errors += t.count();
            }
        }
        Gauge queue = registry.find(Metrics.REPORT_QUEUE).gauge();
        return new Figures(rowsPerSecond("ingest-and-clean"), rowsPerSecond("aggregate"), count(Metrics.RUNS, "status", "succeeded"),
                count(Metrics.RUNS, "status", "failed"), count(Metrics.EVENTS, "outcome", "accepted"), percentile(Metrics.EVENT_LAG, 0.95),
                percentile(Metrics.LIVE_PUSH, 0.95), percentile(Metrics.FRAUD_CHECK, 0.99),
                queue == null ? 0 : (long) queue.value(), requests, errors);
    }

    private Double rowsPerSecond(String step) {
        DistributionSummary s = registry.find(Metrics.STEP_ROWS_PER_SECOND).tag("step", step).summary();
        if (s == null || s.count() == 0) {
            return null;
        }
        for (ValueAtPercentile p : s.takeSnapshot().percentileValues()) {
            if (p.percentile() == 0.5) {
                return p.value();
            }
        }
        return s.mean();
    }

    private long count(String name, String tag, String value) {
        Counter c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : (long) c.count();
    }

    private Double percentile(String name, double wanted) {
        Timer t = registry.find(name).timer();
        if (t == null || t.count() == 0) {
            return null;
        }
        for (ValueAtPercentile p : t.takeSnapshot().percentileValues()) {
            if (p.percentile() == wanted) {
                return p.value(TimeUnit.MILLISECONDS);
            }
        }
        return t.max(TimeUnit.MILLISECONDS);
    }

    /** The business's latest runs that started (tenant in scope). */
    public List<RecentRun> recentRuns(int limit) {
        List<RecentRun> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT r.id, r.status, r.started_at, s.rows_read, s.millis, extract(epoch FROM r.finished_at - r.started_at),
                            r.cpu_millis, r.db_millis
                     FROM pipeline_run r LEFT JOIN run_step s ON s.run_id = r.id AND s.name = 'ingest-and-clean'
                     WHERE r.started_at IS NOT NULL ORDER BY r.id DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long rows = (Long) rs.getObject(4);
                    Long millis = (Long) rs.getObject(5);
                    Number seconds = (Number) rs.getObject(6);
                    out.add(new RecentRun(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rows,
                            rows == null || millis == null ? "—" : String.format(Locale.ROOT, "%,.0f", rows * 1000.0 / Math.max(1, millis)),
                            seconds == null ? "—" : String.format(Locale.ROOT, "%.1f", seconds.doubleValue()),
                            seconds((Long) rs.getObject(7)), seconds((Long) rs.getObject(8))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the runs: " + e.getMessage(), e);
        }
        return out;
    }

    /** The cost of the business's runs per month, newest first (tenant in scope). */
    public List<MonthCost> months(ZoneId zone, int limit) {
        List<MonthCost> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT to_char(started_at AT TIME ZONE ?, 'YYYY-MM'), count(*), sum(cpu_millis)::bigint, sum(db_millis)::bigint,
                            count(*) FILTER (WHERE extract(hour FROM started_at AT TIME ZONE ?) >= 22
                                              OR extract(hour FROM started_at AT TIME ZONE ?) < 6)
                     FROM pipeline_run WHERE started_at IS NOT NULL AND NOT dry_run
                     GROUP BY 1 ORDER BY 1 DESC LIMIT ?""")) {
            ps.setString(1, zone.getId());
            ps.setString(2, zone.getId());
            ps.setString(3, zone.getId());
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MonthCost(rs.getString(1), rs.getLong(2), seconds((Long) rs.getObject(3)),
                            seconds((Long) rs.getObject(4)), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cost of the runs: " + e.getMessage(), e);
        }
        return out;
    }

    private static String seconds(Long millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
