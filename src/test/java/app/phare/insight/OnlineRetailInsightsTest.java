package app.phare.insight;

import app.phare.testing.Api;
import app.phare.testing.OnlineRetailTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3 of the insights: on the real online-retail export, the daily revenue (and orders) forecast is
 * backtested over the last 8 weeks against the seasonal-naive baseline, both errors are reported, and the method
 * shown is the better one. Writes the numbers to target/insights-online-retail.md.
 */
@QuarkusTest
class OnlineRetailInsightsTest {

    @Test
    void theForecastShownIsTheBetterOfTheMethodAndTheSeasonalNaiveBaseline() throws Exception {
        Api.TestTenant t = OnlineRetailTenant.loaded();
        InsightShop.awaitInsights(t);
        JsonPath f = t.asManager().get("/api/insights/forecasts").then().statusCode(200).extract().jsonPath();
        StringBuilder md = new StringBuilder("# Forecasts on online-retail (history 2010-12-01 – 2011-12-09)\n\n"
                + "| KPI | Backtest | Method sMAPE | Seasonal-naive sMAPE | Shown | Next 30 days | Next 90 days |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < 2; i++) {
            String p = "[" + i + "].";
            assertThat(f.getString(p + "historyTo")).isEqualTo("2011-12-09");
            assertThat(f.getString(p + "start")).isEqualTo("2011-12-10");
            assertThat(f.getInt(p + "backtestDays")).isEqualTo(56);
            double method = f.getDouble(p + "methodSmape"), naive = f.getDouble(p + "naiveSmape");
            assertThat(method).isBetween(0.0, 200.0);
            assertThat(naive).isBetween(0.0, 200.0);
            boolean chosen = f.getBoolean(p + "methodChosen");
            assertThat(chosen).as("the method is shown only when it beats the baseline").isEqualTo(method < naive);
            assertThat(f.getString(p + "method")).isEqualTo(chosen ? "Holt-Winters (weekly)" : "Seasonal naive (same weekday last week)");
            List<Float> mean = f.getList(p + "mean");
            md.append(String.format(Locale.ROOT, "| %s | last %d days | %.1f %% | %.1f %% | %s | %.0f | %.0f |%n", f.getString(p + "kpi"),
                    f.getInt(p + "backtestDays"), method, naive, f.getString(p + "method"),
                    mean.subList(0, 30).stream().mapToDouble(Float::doubleValue).sum(), mean.stream().mapToDouble(Float::doubleValue).sum()));
        }
        JsonPath a = t.asManager().get("/api/insights/anomalies?kpi=net_revenue&kpi=orders").then().statusCode(200).extract().jsonPath();
        List<String> explanations = a.getList("explanation");
        assertThat(explanations).isNotEmpty().allSatisfy(e -> assertThat(e).contains("vs a usual"));
        md.append("\nAnomalies of net revenue and orders found over the year: ").append(explanations.size()).append("; e.g.\n\n");
        explanations.stream().limit(5).forEach(e -> md.append("- ").append(e).append('\n'));
        // returns are amounts returned: a day with more of them is a rise
        JsonPath returns = t.asManager().get("/api/insights/anomalies?kpi=returns").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < returns.getList("$").size(); i++) {
            double expected = returns.getDouble("[" + i + "].expected"), actual = returns.getDouble("[" + i + "].actual");
            assertThat(expected).isNotNegative();
            assertThat(actual).isNotNegative();
            assertThat(returns.getString("[" + i + "].explanation")).startsWith(actual > expected ? "Returns +" : "Returns −")
                    .doesNotContain(actual > expected ? "of the drop" : "of the rise");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "insights-online-retail.md"), md);
    }
}
