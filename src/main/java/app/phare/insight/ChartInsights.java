package app.phare.insight;

import app.phare.dashboard.SvgChart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What insights add to a revenue chart: a marker on each day (or month) with anomalies of net revenue or orders,
 * explained in its tooltip, and, when the chart reaches the latest data, the revenue forecast after it (30 days on a
 * day chart, the whole months of the 90-day forecast on a month chart). Tenant in scope.
 */
@ApplicationScoped
public class ChartInsights {

    static final int DAILY_FORECAST_DAYS = 30;

    /** Markers, forecast points and the sentence under the chart that says what the forecast is and how good. */
    public record Overlay(List<SvgChart.Marker> markers, List<SvgChart.Projected> forecast, String legend) {
        public static final Overlay NONE = new Overlay(List.of(), List.of(), null);
    }

    @Inject
    AnomalyService anomalies;

    @Inject
    ForecastService forecasts;

    /** For a day chart from `from` to `to` (one point per day). */
    public Overlay daily(long tenantId, LocalDate from, LocalDate to, Locale locale) {
        List<SvgChart.Marker> markers = new ArrayList<>();
        byDay(from, to).forEach((day, text) -> markers.add(new SvgChart.Marker((int) (day.toEpochDay() - from.toEpochDay()), text)));
        Optional<ForecastService.Stored> f = revenueForecast(tenantId).filter(x -> x.historyTo().equals(to));
        List<SvgChart.Projected> points = new ArrayList<>();
        if (f.isPresent()) {
            DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", locale);
            DateTimeFormatter tip = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
            ForecastService.Stored s = f.get();
            for (int i = 0; i < Math.min(DAILY_FORECAST_DAYS, s.mean().length); i++) {
                LocalDate d = s.day(i);
                points.add(new SvgChart.Projected(d.format(label), d.format(tip), money(s.mean()[i]), money(s.lower()[i]), money(s.upper()[i])));
            }
        }
        return new Overlay(markers, points, f.map(ChartInsights::legend).orElse(null));
    }

    /** For a month chart from `from` to `to` (one bar per month). */
    public Overlay monthly(long tenantId, YearMonth from, YearMonth to, Locale locale) {
        Map<YearMonth, List<String>> months = new LinkedHashMap<>();
        byDay(from.atDay(1), to.atEndOfMonth()).forEach((day, text) ->
                months.computeIfAbsent(YearMonth.from(day), m -> new ArrayList<>()).add(text));
        List<SvgChart.Marker> markers = new ArrayList<>();
        months.forEach((m, texts) -> markers.add(new SvgChart.Marker((int) (m.getYear() * 12L + m.getMonthValue()
                - from.getYear() * 12L - from.getMonthValue()), texts.size() > 3
                ? String.join("\n", texts.subList(0, 3)) + "\n… and " + (texts.size() - 3) + " more on the Insights page"
                : String.join("\n", texts))));
        Optional<ForecastService.Stored> f = revenueForecast(tenantId).filter(x -> YearMonth.from(x.historyTo()).equals(to));
        List<SvgChart.Projected> points = new ArrayList<>();
        if (f.isPresent()) {
            ForecastService.Stored s = f.get();
            DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yy", locale);
            DateTimeFormatter tip = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
            // only months the forecast covers entirely: a part month would look like a fall
            for (YearMonth m = YearMonth.from(s.start()).plusMonths(s.start().getDayOfMonth() == 1 ? 0 : 1);
                 !m.atEndOfMonth().isAfter(s.day(s.mean().length - 1)); m = m.plusMonths(1)) {
                double[] sum = new double[3];
                for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                    int i = (int) (d.toEpochDay() - s.start().toEpochDay());
                    sum[0] += s.mean()[i];
                    sum[1] += s.lower()[i];
                    sum[2] += s.upper()[i];
                }
                points.add(new SvgChart.Projected(m.format(label), m.format(tip), money(sum[0]), money(sum[1]), money(sum[2])));
            }
        }
        return new Overlay(markers, points, f.filter(s -> !points.isEmpty()).map(ChartInsights::legend).orElse(null));
    }

    /** The anomaly sentences of revenue and orders per day. */
    private Map<LocalDate, String> byDay(LocalDate from, LocalDate to) {
        Map<LocalDate, String> out = new LinkedHashMap<>();
        for (AnomalyService.Stored a : anomalies.between(from, to, List.of(Kpi.NET_REVENUE, Kpi.ORDERS), 1000)) {
            out.merge(a.day(), a.day() + ": " + a.explanation(), (x, y) -> x + "\n" + y);
        }
        return out;
    }

    /** The revenue forecast; charts show it only when they end with the latest data it was made from. */
    private Optional<ForecastService.Stored> revenueForecast(long tenantId) {
        return forecasts.current(tenantId, Kpi.NET_REVENUE);
    }

    static String legend(ForecastService.Stored s) {
        return "Forecast: " + s.method() + ", 80 % interval. " + s.note();
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
