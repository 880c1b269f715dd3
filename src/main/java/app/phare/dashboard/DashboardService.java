package app.phare.dashboard;

import app.phare.pipeline.PipelineRunRepository;
import app.phare.tenant.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the sales dashboard of the tenant in scope from the pre-aggregated tables: KPI tiles against the previous
 * period, revenue over time, top countries and products. Date presets end on the latest day with sales.
 */
@ApplicationScoped
public class DashboardService {

    static final List<DashboardView.Choice> PRESETS = List.of(
            new DashboardView.Choice("30d", "Last 30 days"),
            new DashboardView.Choice("month", "This month"),
            new DashboardView.Choice("last-month", "Last month"),
            new DashboardView.Choice("90d", "Last 90 days"),
            new DashboardView.Choice("12m", "Last 12 months"),
            new DashboardView.Choice("ytd", "Year to date"),
            new DashboardView.Choice("all", "All data"),
            new DashboardView.Choice("custom", "Custom range"));

    @Inject
    SalesMetricsRepository metrics;

    @Inject
    PipelineRunRepository runs;

    @Inject
    app.phare.source.SourceService sourceService;

    @Inject
    app.phare.insight.ChartInsights insights;

    /** The filters as the browser sent them; anything invalid falls back to a default with an explanation. */
    public record Filters(String preset, String from, String to, String country, String channel) {
    }

    public DashboardView build(Tenant tenant, Filters f) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long t = tenant.id;
            LocalDate[] span = metrics.span(t);
            LocalDate anchor = span != null ? span[1] : LocalDate.now(tenant.zone());
            String error = null;
            String preset = PRESETS.stream().anyMatch(c -> c.value().equals(f.preset())) ? f.preset() : "12m";
            LocalDate[] range;
            if (preset.equals("custom")) {
                range = customRange(f.from(), f.to());
                if (range == null) {
                    error = "Enter a custom range as two dates, the first not after the second, at most 20 years apart.";
                    preset = "12m";
                }
            } else {
                range = null;
            }
            if (range == null) {
                range = presetRange(preset, anchor, span);
            }
            String country = keyParam(f.country());
            String channel = keyParam(f.channel());
            List<String> countries = metrics.keys(t, "country");
            List<String> channels = metrics.keys(t, "channel");
            if (country != null && !countries.contains(country)) {
                country = null;
            }
            if (channel != null && !channels.contains(channel)) {
                channel = null;
            }
            RangeSplit current = RangeSplit.of(range[0], range[1]);
            RangeSplit previous = previousOf(current);
            List<DashboardView.Kpi> kpis = new ArrayList<>();
            BigDecimal returns = BigDecimal.ZERO;
            String[] chart = {"", null};
            boolean byMonth = current.lengthInDays() > 62;
            List<DashboardView.Top> topCountries = List.of();
            List<DashboardView.Top> topProducts = List.of();
            if (span != null) {
                SalesRow now = total(t, current, country, channel);
                // a previous period that starts before the data would compare with a partial period
                SalesRow before = previous.from().isBefore(span[0]) ? null : total(t, previous, country, channel);
                if (now != null) {
                    kpis = new ArrayList<>(kpis(now, before, current));
                    if (country == null && channel == null) {
                        grossMargin(t, current, before == null ? null : previous).ifPresent(kpis::add);
                    }
                    returns = now.returns();
                    chart = chart(t, current, country, channel, byMonth, tenant);
                    topCountries = top(metrics.summarize(t, SalesQuery.Dimension.country, current, country, channel, 8), Map.of());
                    List<SalesRow> products = metrics.summarize(t, SalesQuery.Dimension.product, current, null, null, 10);
                    topProducts = top(products, metrics.productNames(t, products.stream().map(SalesRow::key).toList()));
                }
            }
            List<app.phare.source.SourceView> stale = sourceService.list().stream()
                    .filter(s -> !app.phare.source.Freshness.FRESH.equals(s.freshness().state())).toList();
            String[] freshness = {stale.isEmpty() ? app.phare.source.Freshness.FRESH
                    : stale.stream().anyMatch(s -> app.phare.source.Freshness.ERROR.equals(s.freshness().state()))
                    ? app.phare.source.Freshness.ERROR : app.phare.source.Freshness.WARN};
            List<String> notes = stale.stream().map(s -> s.name() + ": " + s.freshness().reason()).toList();
            return new DashboardView(tenant.currency, tenant.javaLocale(), tenant.zone(), preset, range[0], range[1],
                    country, channel, PRESETS, countries, channels, kpis, returns, chart[0], chart[1], byMonth, topCountries, topProducts,
                    country == null && channel == null, runs.lastSuccess().orElse(null),
                    span == null ? null : span[0], span == null ? null : span[1], error, freshness[0], notes);
        });
    }

    /** Net revenue less the cost of the units sold, on the products whose unit cost a products source gives. */
    private java.util.Optional<DashboardView.Kpi> grossMargin(long tenant, RangeSplit current, RangeSplit previous) {
        BigDecimal[] now = metrics.grossMargin(tenant, current);
        if (now == null) {
            return java.util.Optional.empty();
        }
        BigDecimal margin = now[0].subtract(now[1]);
        BigDecimal[] before = previous == null ? null : metrics.grossMargin(tenant, previous);
        String rate = now[0].signum() == 0 ? "" : ", " + margin.multiply(BigDecimal.valueOf(100))
                .divide(now[0], 1, RoundingMode.HALF_UP).toPlainString() + "% of their revenue";
        return java.util.Optional.of(new DashboardView.Kpi("Gross margin", margin.setScale(2, RoundingMode.HALF_UP), null,
                change(margin, before == null ? null : before[0].subtract(before[1])),
                "on products with a known unit cost" + rate));
    }

    private SalesRow total(long tenant, RangeSplit split, String country, String channel) {
        List<SalesRow> rows = metrics.summarize(tenant, null, split, country, channel, 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<DashboardView.Kpi> kpis(SalesRow now, SalesRow before, RangeSplit split) {
        BigDecimal aov = now.orders() == 0 ? BigDecimal.ZERO
                : now.netRevenue().divide(BigDecimal.valueOf(now.orders()), 2, RoundingMode.HALF_UP);
        BigDecimal aovBefore = before == null || before.orders() == 0 ? null
                : before.netRevenue().divide(BigDecimal.valueOf(before.orders()), 2, RoundingMode.HALF_UP);
        String customersNote = split.periods() == 1 ? null
                : split.wholeMonths() ? "distinct per month, summed over " + split.months().size() + " months"
                : "distinct per day or month, summed";
        return List.of(
                new DashboardView.Kpi("Net revenue", now.netRevenue(), null,
                        change(now.netRevenue(), before == null ? null : before.netRevenue()), null),
                new DashboardView.Kpi("Orders", null, now.orders(),
                        change(BigDecimal.valueOf(now.orders()), before == null ? null : BigDecimal.valueOf(before.orders())), null),
                new DashboardView.Kpi("Customers", null, now.customers(),
                        change(BigDecimal.valueOf(now.customers()), before == null ? null : BigDecimal.valueOf(before.customers())), customersNote),
                new DashboardView.Kpi("Average order value", aov, null, change(aov, aovBefore), "net revenue ÷ orders"));
    }

    static Double change(BigDecimal now, BigDecimal before) {
        if (before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).divide(before.abs(), 6, RoundingMode.HALF_UP).doubleValue();
    }

    private String[] chart(long tenant, RangeSplit split, String country, String channel, boolean byMonth, Tenant t) {
        List<SalesRow> days = metrics.rows(tenant, new SalesQuery(split.from(), split.to(), SalesQuery.Grain.day, null, country, channel));
        Map<String, BigDecimal> byDay = new LinkedHashMap<>();
        days.forEach(r -> byDay.put(r.period(), r.netRevenue()));
        List<SvgChart.Point> points = new ArrayList<>();
        if (byMonth) {
            Map<YearMonth, BigDecimal> months = new LinkedHashMap<>();
            for (YearMonth m = YearMonth.from(split.from()); !m.isAfter(YearMonth.from(split.to())); m = m.plusMonths(1)) {
                months.put(m, BigDecimal.ZERO);
            }
            byDay.forEach((day, value) -> months.merge(YearMonth.from(LocalDate.parse(day)), value, BigDecimal::add));
            DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yy", t.javaLocale());
            DateTimeFormatter tip = DateTimeFormatter.ofPattern("MMMM yyyy", t.javaLocale());
            months.forEach((m, v) -> points.add(new SvgChart.Point(m.format(label), m.format(tip), v)));
        } else {
            DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", t.javaLocale());
            DateTimeFormatter tip = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(t.javaLocale());
            for (LocalDate d = split.from(); !d.isAfter(split.to()); d = d.plusDays(1)) {
                points.add(new SvgChart.Point(d.format(label), d.format(tip), byDay.getOrDefault(d.toString(), BigDecimal.ZERO)));
            }
        }
        // anomalies and forecasts are of the whole business, not of one country or channel
        app.phare.insight.ChartInsights.Overlay overlay = country != null || channel != null ? app.phare.insight.ChartInsights.Overlay.NONE
                : byMonth ? insights.monthly(tenant, YearMonth.from(split.from()), YearMonth.from(split.to()), t.javaLocale())
                : insights.daily(tenant, split.from(), split.to(), t.javaLocale());
        return new String[]{SvgChart.render(points, byMonth, v -> app.phare.common.Display.money(v, t.currency, t.javaLocale()),
                t.javaLocale(), overlay.markers(), overlay.forecast()), overlay.legend()};
    }

    private static List<DashboardView.Top> top(List<SalesRow> rows, Map<String, String> names) {
        BigDecimal max = rows.stream().map(SalesRow::netRevenue).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        return rows.stream().map(r -> new DashboardView.Top(
                r.key() == null || r.key().isEmpty() ? "(not given)" : r.key(), names.get(r.key()), r.netRevenue(), r.orders(), r.units(),
                max.signum() <= 0 ? 0 : Math.max(0, r.netRevenue().multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue())))
                .toList();
    }

    static LocalDate[] presetRange(String preset, LocalDate anchor, LocalDate[] span) {
        return switch (preset) {
            case "30d" -> new LocalDate[]{anchor.minusDays(29), anchor};
            case "month" -> new LocalDate[]{anchor.withDayOfMonth(1), anchor};
            case "last-month" -> {
                LocalDate first = anchor.withDayOfMonth(1).minusMonths(1);
                yield new LocalDate[]{first, first.withDayOfMonth(first.lengthOfMonth())};
            }
            case "90d" -> new LocalDate[]{anchor.minusDays(89), anchor};
            case "ytd" -> new LocalDate[]{anchor.withDayOfYear(1), anchor};
            case "all" -> span == null ? new LocalDate[]{anchor.minusDays(29), anchor} : new LocalDate[]{span[0], span[1]};
            default -> new LocalDate[]{anchor.withDayOfMonth(1).minusMonths(11), anchor};
        };
    }

    /** The period just before: as many whole months for a whole-month range, else as many days. */
    static RangeSplit previousOf(RangeSplit r) {
        if (r.wholeMonths()) {
            int months = r.months().size();
            LocalDate from = r.from().minusMonths(months);
            return RangeSplit.of(from, r.from().minusDays(1));
        }
        LocalDate to = r.from().minusDays(1);
        return RangeSplit.of(to.minusDays(r.lengthInDays() - 1), to);
    }

    private static LocalDate[] customRange(String from, String to) {
        try {
            LocalDate f = LocalDate.parse(from.trim());
            LocalDate t = LocalDate.parse(to.trim());
            if (f.isAfter(t) || t.toEpochDay() - f.toEpochDay() > 7310) {
                return null;
            }
            return new LocalDate[]{f, t};
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** A filter value: empty means all, "-" means "not given in the export". */
    private static String keyParam(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.trim().equals("-") ? "" : s.trim();
    }

}
