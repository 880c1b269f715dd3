package app.phare.report.content;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A built report, independent of its file format: title, tenant, period, filters, data as-of, KPI tiles, charts and
 * tables. Money is in the tenant's currency, with exact decimals.
 */
public record ReportDocument(String type, String title, String tenantName, String currency, Locale locale, ZoneId zone,
                             LocalDate from, LocalDate to, Map<String, String> filters, Instant asOf,
                             List<String> notes, List<Kpi> kpis, List<Chart> charts, List<Table> tables) {

    /** A KPI tile: its value and, where known, the same measure for the previous period and a year before. */
    public record Kpi(String label, Table.Kind kind, BigDecimal value, BigDecimal previous, BigDecimal lastYear) {

        public BigDecimal changeVsPrevious() {
            return change(value, previous);
        }

        public BigDecimal changeVsLastYear() {
            return change(value, lastYear);
        }
    }

    /** A bar chart: vertical columns over time, or horizontal bars for a ranking. */
    public record Chart(String title, boolean horizontal, List<Bar> bars) {
    }

    /** One bar: its label and value. */
    public record Bar(String label, BigDecimal value) {
    }

    /** Relative change (now − before) ÷ |before| as a ratio with four decimals; null without a base. */
    public static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).divide(before.abs(), 4, RoundingMode.HALF_UP);
    }

    /** The KPIs as a table (for the spreadsheet formats), followed by the report's tables. */
    public List<Table> allTables() {
        List<Table> all = new ArrayList<>();
        if (!kpis.isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            for (Kpi k : kpis) {
                rows.add(java.util.Arrays.asList(k.label(), cell(k, k.value()), cell(k, k.previous()),
                        k.changeVsPrevious(), cell(k, k.lastYear()), k.changeVsLastYear()));
            }
            all.add(new Table("KPIs", "Key figures", List.of(Table.text("Measure"),
                    Table.column("Value", Table.Kind.MONEY), Table.column("Previous period", Table.Kind.MONEY),
                    Table.column("Change vs previous period", Table.Kind.PERCENT),
                    Table.column("Same period last year", Table.Kind.MONEY),
                    Table.column("Change vs last year", Table.Kind.PERCENT)), rows));
        }
        all.addAll(tables);
        return all;
    }

    /** A KPI value typed for a cell: counts as Long, the rest as decimals of the KPI's kind. */
    private static Object cell(Kpi k, BigDecimal v) {
        if (v == null) {
            return null;
        }
        return k.kind() == Table.Kind.INTEGER ? (Object) v.longValueExact() : new Table.Cell(k.kind(), v);
    }
}
