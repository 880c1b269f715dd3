package app.phare.report.content;

import app.phare.dashboard.RangeSplit;
import app.phare.dashboard.SalesMetricsRepository;
import app.phare.dashboard.SalesQuery;
import app.phare.dashboard.SalesRow;
import app.phare.report.content.ReportDocument.Kpi;
import app.phare.report.content.Table.Kind;
import app.phare.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The sales summary of a period: KPIs against the previous period of the same length and the same period a year
 * before, revenue over time (by month beyond 62 days, else by day), top products, countries, channels and returns.
 * Read from the pre-aggregated tables like the dashboard, so its figures are the sales API's.
 */
@ApplicationScoped
class SalesSummaryBuilder {

    private static final int TOP_PRODUCTS = 20;

    @Inject
    SalesMetricsRepository metrics;

    @Inject
    SalesPeriods periods;

    @Inject
    app.phare.insight.ForecastService forecasts;

    /** Must run inside a transaction, with the tenant in scope. */
    ReportDocument build(Tenant tenant, CheckedSpec spec, Instant asOf) {
        long t = tenant.id;
        String country = spec.country(), channel = spec.channel();
        LocalDate[] span = metrics.span(t);
        RangeSplit current = RangeSplit.of(spec.from(), spec.to());
        RangeSplit previous = previousOf(current);
        RangeSplit lastYear = RangeSplit.of(spec.from().minusYears(1), spec.to().minusYears(1));
        SalesRow now = total(t, current, country, channel);
        SalesRow before = startsInData(previous, span) ? total(t, previous, country, channel) : null;
        SalesRow yearAgo = startsInData(lastYear, span) ? total(t, lastYear, country, channel) : null;
        List<String> notes = new ArrayList<>();
        if (before == null || yearAgo == null) {
            notes.add("No comparison where the earlier period starts before the first day with data"
                    + (span == null ? "." : " (" + span[0] + ")."));
        }
        notes.add("Customers are counted distinct per " + (current.lengthInDays() > 62 ? "month" : "day")
                + " and summed over the period; net revenue counts returns as negative, returns are their value.");

        boolean byMonth = current.lengthInDays() > 62;
        List<SalesPeriods.Period> overTime = byMonth ? periods.months(t, spec.from(), spec.to(), country, channel)
                : periods.days(t, spec.from(), spec.to(), country, channel);
        List<SalesRow> countries = metrics.summarize(t, SalesQuery.Dimension.country, current, country, channel, 1000);
        List<SalesRow> channels = metrics.summarize(t, SalesQuery.Dimension.channel, current, country, channel, 1000);
        List<SalesRow> products = metrics.summarize(t, SalesQuery.Dimension.product, current, null, null, 100_000);
        List<SalesRow> top = products.stream().limit(TOP_PRODUCTS).toList();
        List<SalesRow> returned = products.stream().filter(r -> r.returns().signum() > 0)
                .sorted(Comparator.comparing(SalesRow::returns).reversed()).limit(TOP_PRODUCTS).toList();
        List<String> skus = new ArrayList<>(top.stream().map(SalesRow::key).toList());
        returned.forEach(r -> skus.add(r.key()));
        Map<String, String> names = metrics.productNames(t, skus.stream().distinct().toList());
        if (spec.filtered()) {
            notes.add("Products cover all countries and channels: product figures have no country or channel breakdown.");
        }

        String unit = byMonth ? "month" : "day";
        Kind periodKind = byMonth ? Kind.MONTH : Kind.DATE;
        List<Table> tables = new ArrayList<>(List.of(
                overTimeTable(overTime, unit, periodKind),
                productTable("Top products", "Top " + TOP_PRODUCTS + " products by net revenue", top, names),
                shareTable("Countries", "Country", countries, now),
                shareTable("Channels", "Channel", channels, now),
                returnsTable(overTime, unit, periodKind),
                productTable("Most returned", "Most returned products, by returned value", returned, names)));
        List<app.phare.insight.ForecastService.Stored> ahead = spec.filtered() ? List.of() : forecasts.current(t);
        if (!ahead.isEmpty()) {
            tables.add(forecastTable(ahead));
            notes.add("Forecast from the data up to " + ahead.get(0).historyTo() + ": " + ahead.get(0).note());
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern(byMonth ? "MMM yy" : "d MMM", tenant.javaLocale());
        List<ReportDocument.Chart> charts = new ArrayList<>();
        charts.add(new ReportDocument.Chart("Net revenue by " + unit, false, overTime.stream()
                .map(p -> new ReportDocument.Bar(p.start().format(label), p.row().netRevenue())).toList()));
        charts.add(new ReportDocument.Chart("Top countries by net revenue", true, countries.stream().limit(10)
                .map(r -> new ReportDocument.Bar(keyName(r.key()), r.netRevenue())).toList()));
        return spec.document(tenant, asOf, notes, kpis(now, before, yearAgo), charts, tables);
    }

    private static List<Kpi> kpis(SalesRow now, SalesRow before, SalesRow yearAgo) {
        SalesRow n = now == null ? SalesPeriods.empty(null) : now;
        return List.of(
                new Kpi("Net revenue", Kind.MONEY, n.netRevenue(), get(before, SalesRow::netRevenue), get(yearAgo, SalesRow::netRevenue)),
                new Kpi("Orders", Kind.INTEGER, count(n.orders()), get(before, r -> count(r.orders())), get(yearAgo, r -> count(r.orders()))),
                new Kpi("Customers", Kind.INTEGER, count(n.customers()), get(before, r -> count(r.customers())),
                        get(yearAgo, r -> count(r.customers()))),
                new Kpi("Units", Kind.DECIMAL, n.units(), get(before, SalesRow::units), get(yearAgo, SalesRow::units)),
                new Kpi("Returns", Kind.MONEY, n.returns(), get(before, SalesRow::returns), get(yearAgo, SalesRow::returns)),
                new Kpi("Average order value", Kind.MONEY, aov(n), get(before, SalesSummaryBuilder::aov),
                        get(yearAgo, SalesSummaryBuilder::aov)));
    }

    /** The next 30 and 90 days of net revenue and orders, with the 80 % interval and the backtest errors. */
    private static Table forecastTable(List<app.phare.insight.ForecastService.Stored> ahead) {
        List<List<Object>> rows = new ArrayList<>();
        for (app.phare.insight.ForecastService.Stored f : ahead) {
            for (int days : List.of(30, 90)) {
                double[] total = f.total(days);
                rows.add(Arrays.<Object>asList(f.kpi().label, "Next " + days + " days", f.start(), f.day(days - 1),
                        decimal(total[0]), decimal(total[1]), decimal(total[2]), f.method(),
                        f.methodSmape() == null ? null : decimal(f.methodSmape()), f.naiveSmape() == null ? null : decimal(f.naiveSmape())));
            }
        }
        return new Table("Forecast", "Forecast of the coming days (80 % interval; errors measured on the last 8 weeks)",
                List.of(Table.text("KPI"), Table.text("Horizon"), Table.column("From", Kind.DATE), Table.column("To", Kind.DATE),
                        Table.column("Forecast", Kind.DECIMAL), Table.column("Low (80 %)", Kind.DECIMAL),
                        Table.column("High (80 %)", Kind.DECIMAL), Table.text("Method"),
                        Table.column("Method sMAPE %", Kind.DECIMAL), Table.column("Seasonal-naive sMAPE %", Kind.DECIMAL)), rows);
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static Table overTimeTable(List<SalesPeriods.Period> periods, String unit, Kind periodKind) {
        List<List<Object>> rows = periods.stream().map(p -> Arrays.<Object>asList(p.start(), p.row().netRevenue(),
                p.row().returns(), p.row().orders(), p.row().customers(), p.row().units(), aov(p.row()))).toList();
        return new Table("Revenue by " + unit, "Revenue by " + unit, List.of(Table.column(cap(unit), periodKind),
                Table.column("Net revenue", Kind.MONEY), Table.column("Returns", Kind.MONEY),
                Table.column("Orders", Kind.INTEGER), Table.column("Customers", Kind.INTEGER),
                Table.column("Units", Kind.DECIMAL), Table.column("Average order value", Kind.MONEY)), rows);
    }

    private static Table productTable(String name, String title, List<SalesRow> products, Map<String, String> names) {
        List<List<Object>> rows = products.stream().map(r -> Arrays.<Object>asList(keyName(r.key()), names.get(r.key()),
                r.netRevenue(), r.returns(), r.orders(), r.units())).toList();
        return new Table(name, title, List.of(Table.text("Product"), Table.text("Description"),
                Table.column("Net revenue", Kind.MONEY), Table.column("Returns", Kind.MONEY),
                Table.column("Orders", Kind.INTEGER), Table.column("Units", Kind.DECIMAL)), rows);
    }

    private static Table shareTable(String name, String keyHeader, List<SalesRow> keyed, SalesRow total) {
        BigDecimal all = total == null ? null : total.netRevenue();
        List<List<Object>> rows = keyed.stream().map(r -> Arrays.<Object>asList(keyName(r.key()), r.netRevenue(),
                all == null || all.signum() == 0 ? null : r.netRevenue().divide(all, 4, RoundingMode.HALF_UP),
                r.returns(), r.orders(), r.customers(), r.units())).toList();
        return new Table(name, name + " by net revenue", List.of(Table.text(keyHeader),
                Table.column("Net revenue", Kind.MONEY), Table.column("Share of net revenue", Kind.PERCENT),
                Table.column("Returns", Kind.MONEY), Table.column("Orders", Kind.INTEGER),
                Table.column("Customers", Kind.INTEGER), Table.column("Units", Kind.DECIMAL)), rows);
    }

    private static Table returnsTable(List<SalesPeriods.Period> periods, String unit, Kind periodKind) {
        List<List<Object>> rows = periods.stream().map(p -> {
            BigDecimal gross = p.row().netRevenue().add(p.row().returns());
            return Arrays.<Object>asList(p.start(), p.row().returns(), gross,
                    gross.signum() <= 0 ? null : p.row().returns().divide(gross, 4, RoundingMode.HALF_UP));
        }).toList();
        return new Table("Returns", "Returns by " + unit, List.of(Table.column(cap(unit), periodKind),
                Table.column("Returns", Kind.MONEY), Table.column("Gross sales", Kind.MONEY),
                Table.column("Returns rate", Kind.PERCENT)), rows);
    }

    private SalesRow total(long tenant, RangeSplit split, String country, String channel) {
        List<SalesRow> rows = metrics.summarize(tenant, null, split, country, channel, 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The period just before: as many whole months for a whole-month range, else as many days (as the dashboard). */
    static RangeSplit previousOf(RangeSplit r) {
        if (r.wholeMonths()) {
            return RangeSplit.of(r.from().minusMonths(r.months().size()), r.from().minusDays(1));
        }
        LocalDate to = r.from().minusDays(1);
        return RangeSplit.of(to.minusDays(r.lengthInDays() - 1), to);
    }

    /** A comparison period that starts before the data would compare with a partial period. */
    private static boolean startsInData(RangeSplit split, LocalDate[] span) {
        return span != null && !split.from().isBefore(span[0]);
    }

    static BigDecimal aov(SalesRow r) {
        return r.orders() == 0 ? new BigDecimal("0.00")
                : r.netRevenue().divide(BigDecimal.valueOf(r.orders()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal get(SalesRow r, java.util.function.Function<SalesRow, BigDecimal> f) {
        return r == null ? null : f.apply(r);
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    static String keyName(String key) {
        return key == null || key.isEmpty() ? "(not given)" : key;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
