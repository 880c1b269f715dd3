package app.phare.report.content;

import app.phare.common.ProblemException;
import app.phare.deals.PipelineMetrics;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales pipeline from the deal aggregates: deals closed per month of the period (won value, won, lost, win rate,
 * average deal size and cycle), the open pipeline by stage as of now, and closed deals by agent and by product.
 */
@ApplicationScoped
class PipelineReportBuilder {

    @Inject
    PipelineMetrics metrics;

    ReportDocument build(Tenant tenant, CheckedSpec spec, Instant asOf) {
        PipelineMetrics.Report overall = metrics.report(spec.from(), spec.to(), null);
        if (overall.rows().isEmpty() && overall.open().isEmpty()) {
            throw ProblemException.badRequest("type", "no CRM deal data for " + spec.from() + " to " + spec.to()
                    + ": add a CRM deals source, or choose a period with closed deals");
        }
        PipelineMetrics.Report agents = metrics.report(spec.from(), spec.to(), "agent");
        PipelineMetrics.Report products = metrics.report(spec.from(), spec.to(), "product");
        Totals total = new Totals(null);
        overall.rows().forEach(total::add);
        BigDecimal openValue = overall.open().stream().map(PipelineMetrics.Stage::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ReportDocument.Kpi> kpis = List.of(
                kpi("Won value", Kind.MONEY, total.wonValue),
                kpi("Deals won", Kind.INTEGER, BigDecimal.valueOf(total.won)),
                kpi("Deals lost", Kind.INTEGER, BigDecimal.valueOf(total.lost)),
                kpi("Win rate", Kind.PERCENT, total.winRate()),
                kpi("Average deal size", Kind.MONEY, total.averageDealSize()),
                kpi("Open pipeline", Kind.MONEY, openValue));
        List<List<Object>> monthRows = overall.rows().stream().map(m -> Arrays.<Object>asList(LocalDate.parse(m.period() + "-01"),
                m.wonValue(), m.won(), m.lost(), m.winRate(), m.averageDealSize(), m.averageCycleDays())).toList();
        List<List<Object>> stageRows = overall.open().stream().map(s -> Arrays.<Object>asList(s.stage(), s.deals(), s.value())).toList();
        List<Table> tables = List.of(
                new Table("Closed by month", "Deals closed by month", List.of(Table.column("Month", Kind.MONTH),
                        Table.column("Won value", Kind.MONEY), Table.column("Won", Kind.INTEGER), Table.column("Lost", Kind.INTEGER),
                        Table.column("Win rate", Kind.PERCENT), Table.column("Average deal size", Kind.MONEY),
                        Table.column("Average sales cycle (days)", Kind.DECIMAL)), monthRows),
                new Table("Open pipeline", "Open pipeline by stage (now)", List.of(Table.text("Stage"),
                        Table.column("Deals", Kind.INTEGER), Table.column("Value", Kind.MONEY)), stageRows),
                keyed("By agent", "Agent", agents), keyed("By product", "Product", products));
        List<ReportDocument.Chart> charts = List.of(new ReportDocument.Chart("Won value by close month", false,
                overall.rows().stream().map(m -> new ReportDocument.Bar(LocalDate.parse(m.period() + "-01").format(
                        java.time.format.DateTimeFormatter.ofPattern("MMM yy", tenant.javaLocale())), m.wonValue())).toList()));
        return spec.document(tenant, asOf, List.of("The open pipeline is as of the data, whatever the period; closed deals"
                + " count in the month they closed."), kpis, charts, tables);
    }

    /** Closed deals of a breakdown summed over the months, largest won value first. */
    private static Table keyed(String name, String keyHeader, PipelineMetrics.Report report) {
        Map<String, Totals> byKey = new LinkedHashMap<>();
        report.rows().forEach(m -> byKey.computeIfAbsent(m.key(), Totals::new).add(m));
        List<List<Object>> rows = byKey.values().stream().sorted(Comparator.comparing((Totals x) -> x.wonValue).reversed())
                .map(x -> Arrays.<Object>asList(SalesSummaryBuilder.keyName(x.key), x.wonValue, x.won, x.lost, x.winRate(),
                        x.averageDealSize())).toList();
        return new Table(name, "Deals closed by " + keyHeader.toLowerCase(java.util.Locale.ROOT), List.of(Table.text(keyHeader),
                Table.column("Won value", Kind.MONEY), Table.column("Won", Kind.INTEGER), Table.column("Lost", Kind.INTEGER),
                Table.column("Win rate", Kind.PERCENT), Table.column("Average deal size", Kind.MONEY)), rows);
    }

    /** Closed deals summed over months. */
    private static final class Totals {
        final String key;
        BigDecimal wonValue = new BigDecimal("0.00");
        long won, lost;

        Totals(String key) {
            this.key = key;
        }

        void add(PipelineMetrics.Month m) {
            wonValue = wonValue.add(m.wonValue());
            won += m.won();
            lost += m.lost();
        }

        BigDecimal winRate() {
            return won + lost == 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 4, RoundingMode.HALF_UP);
        }

        BigDecimal averageDealSize() {
            return won == 0 ? null : wonValue.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP);
        }
    }

    private static ReportDocument.Kpi kpi(String label, Kind kind, BigDecimal value) {
        return new ReportDocument.Kpi(label, kind, value, null, null);
    }
}
