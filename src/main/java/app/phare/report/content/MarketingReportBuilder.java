package app.phare.report.content;

import app.phare.common.ProblemException;
import app.phare.marketing.MarketingMetrics;
import app.phare.report.content.Table.Kind;
import app.phare.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marketing performance of a period from the ad aggregates: spend, reach and conversions over time (by month beyond
 * 62 days, else by day) with net revenue and blended ROAS, and the same by campaign and by platform.
 */
@ApplicationScoped
class MarketingReportBuilder {

    @Inject
    MarketingMetrics metrics;

    ReportDocument build(Tenant tenant, CheckedSpec spec, Instant asOf) {
        boolean byMonth = spec.to().toEpochDay() - spec.from().toEpochDay() + 1 > 62;
        MarketingMetrics.Report overall = metrics.report(spec.from(), spec.to(), byMonth ? "month" : "day", null);
        if (overall.rows().isEmpty()) {
            throw ProblemException.badRequest("type", "no ad campaign data for " + spec.from() + " to " + spec.to()
                    + ": add an ad campaigns source, or choose a period with campaigns");
        }
        MarketingMetrics.Report campaigns = metrics.report(spec.from(), spec.to(), "month", "campaign");
        MarketingMetrics.Report platforms = metrics.report(spec.from(), spec.to(), "month", "platform");
        MarketingMetrics.Row total = overall.rows().stream().reduce(MarketingReportBuilder::add).orElseThrow();
        List<ReportDocument.Kpi> kpis = List.of(
                kpi("Spend", Kind.MONEY, total.spend()),
                kpi("Impressions", Kind.INTEGER, BigDecimal.valueOf(total.impressions())),
                kpi("Clicks", Kind.INTEGER, BigDecimal.valueOf(total.clicks())),
                kpi("Click-through rate", Kind.PERCENT, total.ctr()),
                kpi("Conversions", Kind.INTEGER, BigDecimal.valueOf(total.conversions())),
                kpi("Cost per conversion", Kind.MONEY, total.costPerConversion()));
        String unit = byMonth ? "month" : "day";
        java.time.format.DateTimeFormatter label = java.time.format.DateTimeFormatter.ofPattern(byMonth ? "MMM yy" : "d MMM",
                tenant.javaLocale());
        List<List<Object>> periodRows = new ArrayList<>();
        List<ReportDocument.Bar> bars = new ArrayList<>();
        for (MarketingMetrics.Row r : overall.rows()) {
            LocalDate start = LocalDate.parse(byMonth ? r.period() + "-01" : r.period());
            List<Object> row = new ArrayList<>(List.of(start));
            row.addAll(measures(r));
            row.add(r.netRevenue());
            row.add(r.roas());
            periodRows.add(row);
            bars.add(new ReportDocument.Bar(start.format(label), r.spend()));
        }
        List<Table.Column> periodColumns = new ArrayList<>(List.of(Table.column(unit.equals("month") ? "Month" : "Day",
                byMonth ? Kind.MONTH : Kind.DATE)));
        periodColumns.addAll(measureColumns());
        periodColumns.add(Table.column("Net revenue", Kind.MONEY));
        periodColumns.add(Table.column("ROAS", Kind.DECIMAL));
        List<Table> tables = List.of(new Table("By " + unit, "Spend and results by " + unit, periodColumns, periodRows),
                keyed("By campaign", "Campaign", campaigns), keyed("By platform", "Platform", platforms));
        List<ReportDocument.Chart> charts = List.of(new ReportDocument.Chart("Spend by " + unit, false, bars));
        return spec.document(tenant, asOf, List.of("ROAS is blended: all net revenue of the period over all ad spend."),
                kpis, charts, tables);
    }

    /** Rows of a breakdown summed over the months of the period, largest spend first. */
    private static Table keyed(String name, String keyHeader, MarketingMetrics.Report report) {
        java.util.Map<String, MarketingMetrics.Row> byKey = new java.util.LinkedHashMap<>();
        report.rows().forEach(r -> byKey.merge(r.key(), r, MarketingReportBuilder::add));
        List<List<Object>> rows = byKey.values().stream()
                .sorted(java.util.Comparator.comparing(MarketingMetrics.Row::spend).reversed())
                .map(r -> {
                    List<Object> row = new ArrayList<>(Arrays.asList(SalesSummaryBuilder.keyName(r.key())));
                    row.addAll(measures(r));
                    return row;
                }).toList();
        List<Table.Column> columns = new ArrayList<>(List.of(Table.text(keyHeader)));
        columns.addAll(measureColumns());
        return new Table(name, "Spend and results by " + keyHeader.toLowerCase(java.util.Locale.ROOT), columns, rows);
    }

    private static List<Object> measures(MarketingMetrics.Row r) {
        return Arrays.asList(r.impressions(), r.clicks(), r.ctr(), r.spend(), r.cpc(), r.conversions(),
                r.costPerConversion(), r.conversionValue());
    }

    private static List<Table.Column> measureColumns() {
        return List.of(Table.column("Impressions", Kind.INTEGER), Table.column("Clicks", Kind.INTEGER),
                Table.column("CTR", Kind.PERCENT), Table.column("Spend", Kind.MONEY), Table.column("CPC", Kind.MONEY),
                Table.column("Conversions", Kind.INTEGER), Table.column("Cost per conversion", Kind.MONEY),
                Table.column("Conversion value", Kind.MONEY));
    }

    /** Two rows summed, with their rates recomputed from the sums. */
    private static MarketingMetrics.Row add(MarketingMetrics.Row a, MarketingMetrics.Row b) {
        long impressions = a.impressions() + b.impressions(), clicks = a.clicks() + b.clicks();
        long conversions = a.conversions() + b.conversions();
        BigDecimal spend = a.spend().add(b.spend());
        BigDecimal revenue = a.netRevenue() == null || b.netRevenue() == null ? null : a.netRevenue().add(b.netRevenue());
        return new MarketingMetrics.Row(a.period(), a.key(), impressions, clicks, spend, conversions,
                a.conversionValue().add(b.conversionValue()),
                impressions == 0 ? null : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 6, RoundingMode.HALF_UP),
                clicks == 0 ? null : spend.divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP),
                conversions == 0 ? null : spend.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_UP),
                revenue, revenue == null || spend.signum() == 0 ? null : revenue.divide(spend, 2, RoundingMode.HALF_UP));
    }

    private static ReportDocument.Kpi kpi(String label, Kind kind, BigDecimal value) {
        return new ReportDocument.Kpi(label, kind, value, null, null);
    }
}
