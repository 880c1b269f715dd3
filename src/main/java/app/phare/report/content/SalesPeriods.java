package app.phare.report.content;

import app.phare.dashboard.RangeSplit;
import app.phare.dashboard.SalesMetricsRepository;
import app.phare.dashboard.SalesQuery;
import app.phare.dashboard.SalesRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sales measures per month or per day of a range, read from the pre-aggregated tables as the sales API reads them:
 * months wholly inside the range from the month rows (so they equal {@code /api/metrics/sales?grain=month}), the
 * edge days of partial months summed from the day rows. Periods without sales are there with zeros.
 */
@ApplicationScoped
class SalesPeriods {

    /** One month (its first day) or day and its measures. */
    record Period(LocalDate start, SalesRow row) {
    }

    @Inject
    SalesMetricsRepository metrics;

    /** Must run inside a transaction, with the tenant in scope. */
    List<Period> months(long tenant, LocalDate from, LocalDate to, String country, String channel) {
        RangeSplit split = RangeSplit.of(from, to);
        Map<String, SalesRow> byMonth = new HashMap<>();
        if (!split.months().isEmpty()) {
            LocalDate first = split.months().get(0);
            LocalDate last = split.months().get(split.months().size() - 1);
            for (SalesRow r : metrics.rows(tenant, new SalesQuery(first, last.withDayOfMonth(last.lengthOfMonth()),
                    SalesQuery.Grain.month, null, country, channel))) {
                byMonth.put(r.period(), r);
            }
        }
        if (!split.days().isEmpty()) {
            java.util.Set<String> edgeDays = new java.util.HashSet<>();
            split.days().forEach(d -> edgeDays.add(d.toString()));
            for (SalesRow r : metrics.rows(tenant, new SalesQuery(from, to, SalesQuery.Grain.day, null, country, channel))) {
                if (edgeDays.contains(r.period())) {
                    byMonth.merge(r.period().substring(0, 7), r, SalesPeriods::add);
                }
            }
        }
        List<Period> periods = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            periods.add(new Period(m.atDay(1), byMonth.getOrDefault(m.toString(), empty(m.toString()))));
        }
        return periods;
    }

    /** Must run inside a transaction, with the tenant in scope. */
    List<Period> days(long tenant, LocalDate from, LocalDate to, String country, String channel) {
        Map<String, SalesRow> byDay = new LinkedHashMap<>();
        metrics.rows(tenant, new SalesQuery(from, to, SalesQuery.Grain.day, null, country, channel))
                .forEach(r -> byDay.put(r.period(), r));
        List<Period> periods = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            periods.add(new Period(d, byDay.getOrDefault(d.toString(), empty(d.toString()))));
        }
        return periods;
    }

    static SalesRow add(SalesRow a, SalesRow b) {
        return new SalesRow(a.period(), a.key(), a.netRevenue().add(b.netRevenue()), a.returns().add(b.returns()),
                a.orders() + b.orders(), a.customers() + b.customers(), a.units().add(b.units()));
    }

    static SalesRow empty(String period) {
        return new SalesRow(period, null, new BigDecimal("0.00"), new BigDecimal("0.00"), 0, 0, BigDecimal.ZERO);
    }
}
