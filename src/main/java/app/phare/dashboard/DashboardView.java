package app.phare.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Everything the dashboard shows for one choice of filters; formatting happens in the templates. */
public record DashboardView(String currency, Locale locale, ZoneId zone,
                            String preset, LocalDate from, LocalDate to, String country, String channel,
                            List<Choice> presets, List<String> countries, List<String> channels,
                            List<Kpi> kpis, BigDecimal returns, String chartSvg, String chartLegend, boolean chartByMonth,
                            List<Top> topCountries, List<Top> topProducts, boolean productsUnfiltered,
                            Instant asOf, LocalDate dataFrom, LocalDate dataTo, String error,
                            String freshness, List<String> freshnessNotes) {

    /** A choice in a select box. */
    public record Choice(String value, String label) {
    }

    /** A KPI tile: money or a count, its relative change against the previous period, and a note. */
    public record Kpi(String label, BigDecimal amount, Long count, Double change, String note) {
        public boolean money() {
            return amount != null;
        }

        public String trend() {
            return change == null ? "flat" : change > 0.0005 ? "up" : change < -0.0005 ? "down" : "flat";
        }
    }

    /** A row of a top list, with its share of the largest value (for the bar). */
    public record Top(String name, String detail, BigDecimal netRevenue, long orders, BigDecimal units, int percentOfMax) {
    }

    public boolean empty() {
        return kpis.isEmpty();
    }
}
