package app.phare.live;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live counters per tenant and day, and each tenant's recent activity, kept in memory from the event stream
 * (rebuilt from the stored events at start). Days older than {@link #KEPT_DAYS} are dropped; their figures are in the
 * database (see {@link LiveService#figures}).
 */
@ApplicationScoped
public class LiveCounters implements LiveListener {

    static final int KEPT_DAYS = 8;
    static final int RECENT = 1000;

    private final Map<Long, TenantLive> tenants = new ConcurrentHashMap<>();

    /** A tenant's live state; its methods synchronise on it. */
    static final class TenantLive {
        final Map<LocalDate, DayCounters> days = new HashMap<>();
        final Map<LocalDate, Reconciliation.Day> reconciled = new HashMap<>();
        final ArrayDeque<Activity> recent = new ArrayDeque<>();
        long version;
    }

    @Override
    public void onEvents(long tenantId, List<LiveEvent> events, boolean replay) {
        TenantLive t = tenant(tenantId);
        LocalDate oldest = LocalDate.now().minusDays(KEPT_DAYS);
        synchronized (t) {
            for (LiveEvent e : events) {
                t.version++;
                if (!e.day().isBefore(oldest)) {
                    t.days.computeIfAbsent(e.day(), d -> new DayCounters()).add(e);
                }
                if (!e.type().equals(LiveEvent.PAGE_VIEW) && !e.type().equals(LiveEvent.PRODUCT_VIEW)) {
                    t.recent.addFirst(Activity.of(t.version, e));
                    if (t.recent.size() > RECENT) {
                        t.recent.removeLast();
                    }
                }
            }
            t.days.keySet().removeIf(d -> d.isBefore(oldest));
        }
    }

    void onReconciled(long tenantId, List<Reconciliation.Day> days) {
        TenantLive t = tenant(tenantId);
        synchronized (t) {
            days.forEach(d -> t.reconciled.put(d.day(), d));
            t.version++;
        }
    }

    /** The day's figures from memory, or null when memory holds none for that day. */
    LiveFigures figures(long tenantId, LocalDate day) {
        TenantLive t = tenant(tenantId);
        synchronized (t) {
            DayCounters c = t.days.get(day);
            Reconciliation.Day r = t.reconciled.get(day);
            LiveFigures f = c == null ? (r == null ? null : new DayCounters().figures(day)) : c.figures(day);
            return f == null || r == null ? f : f.reconciled(r);
        }
    }

    boolean holds(LocalDate day) {
        return !day.isBefore(LocalDate.now().minusDays(KEPT_DAYS));
    }

    long version(long tenantId) {
        TenantLive t = tenant(tenantId);
        synchronized (t) {
            return t.version;
        }
    }

    /** The tenant's version and the activity after the given version, newest first, read together. */
    record Since(long version, List<Activity> activity) {
    }

    /** activity is null when the ring no longer reaches back to the given version. */
    Since since(long tenantId, long version) {
        TenantLive t = tenant(tenantId);
        synchronized (t) {
            List<Activity> out = new ArrayList<>();
            for (Activity a : t.recent) {
                if (a.version() <= version) {
                    return new Since(t.version, out);
                }
                out.add(a);
            }
            // all of the ring is newer: complete only if nothing ever fell off it
            return new Since(t.version, t.recent.size() < RECENT ? out : null);
        }
    }

    List<Activity> recent(long tenantId, int limit) {
        TenantLive t = tenant(tenantId);
        synchronized (t) {
            return t.recent.stream().limit(limit).toList();
        }
    }

    private TenantLive tenant(long tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantLive());
    }

    /** Forgets everything (the start-up rebuild begins from nothing). */
    void clear() {
        tenants.clear();
    }
}
