package app.phare.insight;

import app.phare.alert.AlertRuleService;
import app.phare.dashboard.SvgChart;
import app.phare.tenant.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds what the Insights page shows for the tenant in scope: forecasts with their accuracy, anomalies, stock advice, alerts. */
@ApplicationScoped
public class InsightOverview {

    static final int CHART_HISTORY_DAYS = 91;

    /** A forecast card: totals of the next 30 and 90 days with their interval, the backtest and a chart. */
    public record ForecastCard(String kpi, String label, String next30, String range30, String next90, String range90,
                               String method, boolean methodChosen, String methodError, String naiveError, String note,
                               String historyTo, String chartSvg) {
    }

    /** The page. days = how far back anomalies are listed from the latest data. */
    public record View(List<ForecastCard> forecasts, List<AnomalyService.Stored> anomalies, String kpi, int days,
                       StockAdvisor.Advice stock, List<AlertRuleService.Fired> alerts, String currency,
                       java.time.ZoneId zone) {
    }

    @Inject
    ForecastService forecasts;

    @Inject
    AnomalyService anomalies;

    @Inject
    StockAdvisor stock;

    @Inject
    KpiRepository kpis;

    @Inject
    AlertRuleService alerts;

    public View build(Tenant t, Optional<Kpi> kpi, int days) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Explanations.Style style = new Explanations.Style(t.currency.trim(), t.javaLocale());
            List<ForecastCard> cards = new ArrayList<>();
            for (ForecastService.Stored s : forecasts.current(t.id)) {
                cards.add(card(t, s, style));
            }
            LocalDate latest = kpis.span(t.id, Kpi.Family.SALES).map(x -> x[1]).orElse(LocalDate.now(t.zone()));
            List<AnomalyService.Stored> found = anomalies.between(latest.minusDays(days - 1L), latest.plusDays(366),
                    kpi.map(List::of).orElse(List.of()), 300);
            return new View(cards, found, kpi.map(k -> k.key).orElse(""), days, stock.advise(t.id), alerts.fired(null, 5),
                    t.currency.trim(), t.zone());
        });
    }

    private ForecastCard card(Tenant t, ForecastService.Stored s, Explanations.Style style) {
        double[] d30 = s.total(30), d90 = s.total(90);
        Locale locale = t.javaLocale();
        return new ForecastCard(s.kpi().key, s.kpi().label, style.value(s.kpi(), d30[0]),
                style.value(s.kpi(), d30[1]) + " – " + style.value(s.kpi(), d30[2]), style.value(s.kpi(), d90[0]),
                style.value(s.kpi(), d90[1]) + " – " + style.value(s.kpi(), d90[2]), s.method(), s.methodChosen(),
                smape(s.methodSmape()), smape(s.naiveSmape()), s.note(),
                s.historyTo().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)), chart(t, s, style));
    }

    private String chart(Tenant t, ForecastService.Stored s, Explanations.Style style) {
        LocalDate from = s.historyTo().minusDays(CHART_HISTORY_DAYS - 1L);
        if (from.isBefore(s.historyFrom())) {
            from = s.historyFrom();
        }
        KpiData data = kpis.load(t.id, Kpi.Family.SALES, from, s.historyTo(), false);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", t.javaLocale());
        DateTimeFormatter tip = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(t.javaLocale());
        List<SvgChart.Point> points = new ArrayList<>();
        double[] actual = data.total(s.kpi());
        for (int i = 0; i < data.days; i++) {
            LocalDate d = data.day(i);
            points.add(new SvgChart.Point(d.format(label), d.format(tip), scale(actual[i])));
        }
        List<SvgChart.Projected> ahead = new ArrayList<>();
        for (int i = 0; i < s.mean().length; i++) {
            LocalDate d = s.day(i);
            ahead.add(new SvgChart.Projected(d.format(label), d.format(tip), scale(s.mean()[i]), scale(s.lower()[i]), scale(s.upper()[i])));
        }
        List<SvgChart.Marker> markers = new ArrayList<>();
        for (AnomalyService.Stored a : anomalies.between(from, s.historyTo(), List.of(s.kpi()), 200)) {
            markers.add(new SvgChart.Marker((int) (a.day().toEpochDay() - from.toEpochDay()), a.day() + ": " + a.explanation()));
        }
        return SvgChart.render(points, false, v -> style.value(s.kpi(), v.doubleValue()), t.javaLocale(), markers, ahead);
    }

    private static BigDecimal scale(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static String smape(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f %%", v);
    }
}
