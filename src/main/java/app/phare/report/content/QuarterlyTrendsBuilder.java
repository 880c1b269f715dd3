package app.phare.report.content;

import app.phare.dashboard.SalesMetricsRepository;
import app.phare.dashboard.SalesRow;
import app.phare.report.content.Table.Kind;
import app.phare.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarterly trends of a period: net revenue and orders per quarter with their change quarter over quarter and year
 * over year, and seasonality by month of year (from month rows) and by weekday (average per calendar day, from day
 * rows). Quarters and months are whole calendar quarters and months.
 */
@ApplicationScoped
class QuarterlyTrendsBuilder {

    /** A quarter's totals, keyed by its first day. */
    private record Quarter(LocalDate start, BigDecimal netRevenue, long orders, int months) {
    }

    @Inject
    SalesMetricsRepository metrics;

    @Inject
    SalesPeriods periods;

    /** Must run inside a transaction, with the tenant in scope. */
    ReportDocument build(Tenant tenant, CheckedSpec spec, Instant asOf) {
        long t = tenant.id;
        java.util.Locale locale = tenant.javaLocale();
        LocalDate firstQuarter = quarterStart(spec.from());
        LocalDate lastMonthEnd = spec.to().withDayOfMonth(spec.to().lengthOfMonth());
        LocalDate[] span = metrics.span(t);
        // a year more before the period, for the first quarters' QoQ and YoY
        List<SalesPeriods.Period> months = periods.months(t, firstQuarter.minusYears(1), lastMonthEnd, spec.country(), spec.channel());
        Map<LocalDate, Quarter> quarters = new LinkedHashMap<>();
        for (SalesPeriods.Period p : months) {
            quarters.merge(quarterStart(p.start()), new Quarter(quarterStart(p.start()), p.row().netRevenue(), p.row().orders(), 1),
                    (a, b) -> new Quarter(a.start(), a.netRevenue().add(b.netRevenue()), a.orders() + b.orders(), a.months() + 1));
        }
        List<List<Object>> quarterRows = new ArrayList<>();
        List<ReportDocument.Bar> quarterBars = new ArrayList<>();
        for (LocalDate q = firstQuarter; !q.isAfter(spec.to()); q = q.plusMonths(3)) {
            Quarter now = quarters.get(q);
            Quarter before = comparable(quarters.get(q.minusMonths(3)), span);
            Quarter yearAgo = comparable(quarters.get(q.minusYears(1)), span);
            String label = q.getYear() + " Q" + ((q.getMonthValue() - 1) / 3 + 1);
            quarterRows.add(Arrays.asList(label, q, now.netRevenue(), now.orders(),
                    ReportDocument.change(now.netRevenue(), before == null ? null : before.netRevenue()),
                    ReportDocument.change(now.netRevenue(), yearAgo == null ? null : yearAgo.netRevenue()),
                    ReportDocument.change(BigDecimal.valueOf(now.orders()), before == null ? null : BigDecimal.valueOf(before.orders())),
                    ReportDocument.change(BigDecimal.valueOf(now.orders()), yearAgo == null ? null : BigDecimal.valueOf(yearAgo.orders()))));
            quarterBars.add(new ReportDocument.Bar(label, now.netRevenue()));
        }

        // seasonality by month of year: the months touched by the period
        Map<Month, BigDecimal[]> byMonth = new LinkedHashMap<>();
        for (SalesPeriods.Period p : months) {
            if (!p.start().isBefore(spec.from().withDayOfMonth(1))) {
                BigDecimal[] acc = byMonth.computeIfAbsent(p.start().getMonth(), m -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                acc[0] = acc[0].add(p.row().netRevenue());
                acc[1] = acc[1].add(BigDecimal.valueOf(p.row().orders()));
                acc[2] = acc[2].add(BigDecimal.ONE);
            }
        }
        List<List<Object>> monthRows = new ArrayList<>();
        List<ReportDocument.Bar> monthBars = new ArrayList<>();
        for (Month m : Month.values()) {
            BigDecimal[] acc = byMonth.get(m);
            if (acc != null) {
                BigDecimal average = acc[0].divide(acc[2], 2, RoundingMode.HALF_UP);
                monthRows.add(Arrays.asList(m.getDisplayName(TextStyle.FULL, locale), acc[2].longValue(), acc[0], acc[1].longValue(), average));
                monthBars.add(new ReportDocument.Bar(m.getDisplayName(TextStyle.SHORT, locale), average));
            }
        }

        // seasonality by weekday: every calendar day of the period counts, with or without sales
        Map<DayOfWeek, BigDecimal[]> byWeekday = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            byWeekday.put(d, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (SalesPeriods.Period p : periods.days(t, spec.from(), spec.to(), spec.country(), spec.channel())) {
            BigDecimal[] acc = byWeekday.get(p.start().getDayOfWeek());
            acc[0] = acc[0].add(p.row().netRevenue());
            acc[1] = acc[1].add(BigDecimal.valueOf(p.row().orders()));
            acc[2] = acc[2].add(BigDecimal.ONE);
        }
        List<List<Object>> weekdayRows = new ArrayList<>();
        List<ReportDocument.Bar> weekdayBars = new ArrayList<>();
        byWeekday.forEach((d, acc) -> {
            if (acc[2].signum() > 0) {
                BigDecimal average = acc[0].divide(acc[2], 2, RoundingMode.HALF_UP);
                weekdayRows.add(Arrays.asList(d.getDisplayName(TextStyle.FULL, locale), acc[2].longValue(), acc[0],
                        average, acc[1].divide(acc[2], 1, RoundingMode.HALF_UP)));
                weekdayBars.add(new ReportDocument.Bar(d.getDisplayName(TextStyle.SHORT, locale), average));
            }
        });

        List<Table> tables = List.of(
                new Table("Quarters", "Quarter over quarter and year over year", List.of(Table.text("Quarter"),
                        Table.column("Quarter start", Kind.DATE), Table.column("Net revenue", Kind.MONEY),
                        Table.column("Orders", Kind.INTEGER), Table.column("Net revenue QoQ", Kind.PERCENT),
                        Table.column("Net revenue YoY", Kind.PERCENT), Table.column("Orders QoQ", Kind.PERCENT),
                        Table.column("Orders YoY", Kind.PERCENT)), quarterRows),
                new Table("By month of year", "Seasonality by month of year", List.of(Table.text("Month"),
                        Table.column("Months in period", Kind.INTEGER), Table.column("Net revenue", Kind.MONEY),
                        Table.column("Orders", Kind.INTEGER), Table.column("Average net revenue per month", Kind.MONEY)), monthRows),
                new Table("By weekday", "Seasonality by weekday", List.of(Table.text("Weekday"),
                        Table.column("Days in period", Kind.INTEGER), Table.column("Net revenue", Kind.MONEY),
                        Table.column("Average net revenue per day", Kind.MONEY),
                        Table.column("Average orders per day", Kind.DECIMAL)), weekdayRows));
        List<ReportDocument.Chart> charts = List.of(
                new ReportDocument.Chart("Net revenue by quarter", false, quarterBars),
                new ReportDocument.Chart("Average net revenue per month of year", false, monthBars),
                new ReportDocument.Chart("Average net revenue per weekday", false, weekdayBars));
        List<String> notes = List.of("Quarters are whole calendar quarters and months whole calendar months, even where"
                + " the period starts or ends inside one; a quarter is compared only with a quarter the data covers from its"
                + " first day. Weekday averages count every calendar day of the period, with or without sales.");
        return spec.document(tenant, asOf, notes, List.of(), charts, tables);
    }

    /** A comparison quarter, if the data covers it from its first day. */
    private static Quarter comparable(Quarter q, LocalDate[] span) {
        return q == null || span == null || q.start().isBefore(span[0]) ? null : q;
    }

    static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }
}
