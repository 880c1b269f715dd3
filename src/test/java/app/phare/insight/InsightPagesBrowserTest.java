package app.phare.insight;

import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 5 of the insights: the Insights, Alerts and Stock pages and the dashboard's anomaly markers and
 * forecast band, in headless Chromium, on the generated shop with its planted Dutch dip.
 */
@QuarkusTest
class InsightPagesBrowserTest extends BrowserTest {

    @Test
    void insightsAlertsStockAndTheDashboardShowForecastsAnomaliesAndAdvice() throws Exception {
        Api.TestTenant t = Api.aTenant("Europe/Amsterdam", "EUR", "en-IE");
        InsightShop.load(t);

        driver = Browser.start(1280, 1000);
        WebDriverWait wait = Browser.logIn(driver, root, t.manager(), t.password());

        // Stock: the recommendations with quantities; a shorter lead time recomputes them in place
        driver.findElement(By.linkText("Stock")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reorder-advice")));
        assertThat(driver.findElement(By.id("reorder-advice")).getText()).contains("MUG-01").contains("before delivery");
        assertThat(driver.findElement(By.id("overstock-advice")).getText()).contains("CUP-01").contains("€");
        String before = driver.findElement(By.xpath("//table[@id='reorder-advice']//tr[contains(., 'MUG-01')]/td[6]")).getText();
        WebElement lead = driver.findElement(By.name("leadTimeDays"));
        lead.clear();
        lead.sendKeys("2");
        driver.findElement(By.xpath("//button[normalize-space()='Recompute']")).click();
        wait.until(d -> d.findElement(By.id("recommendations")).getText().contains("Saved."));
        String after = driver.findElement(By.xpath("//table[@id='reorder-advice']//tr[contains(., 'MUG-01')]/td[6]")).getText();
        assertThat(Integer.parseInt(after.replace(",", ""))).isLessThan(Integer.parseInt(before.replace(",", "")));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("recommendations")));
        Browser.screenshot(driver, "stock-advice");

        // Insights: two forecast cards with their accuracy against the baseline, the dip explained, stock advice
        driver.findElement(By.linkText("Insights")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anomalies")));
        List<WebElement> cards = driver.findElements(By.cssSelector(".forecast-card"));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).getText()).contains("Net revenue: forecast").contains("Next 30 days").contains("Next 90 days")
                .contains("sMAPE of the model vs the seasonal-naive baseline").containsAnyOf("Model used", "Baseline used");
        assertThat(cards.get(0).findElements(By.cssSelector("svg .forecast .band"))).hasSize(1);
        assertThat(cards.get(0).findElements(By.cssSelector("svg .anomaly"))).as("the dip on the chart").isNotEmpty();
        WebElement dip = driver.findElement(By.cssSelector(".anomaly-item[data-kpi=orders][data-day='" + InsightShop.LAST_DAY + "']"));
        assertThat(dip.getText()).contains("drop").contains("vs a usual Thursday").contains("Netherlands (country");
        assertThat(driver.findElement(By.id("stock-advice")).getText()).contains("MUG-01").contains("runs out first")
                .contains("CUP-01");
        Browser.screenshot(driver, "insights");
        new Select(driver.findElement(By.name("kpi"))).selectByValue("orders");
        driver.findElement(By.xpath("//button[normalize-space()='Show']")).click();
        wait.until(d -> d.getCurrentUrl().contains("kpi=orders"));
        assertThat(driver.findElements(By.cssSelector(".anomaly-item")).stream().map(e -> e.getAttribute("data-kpi")).distinct())
                .containsExactly("orders");

        // Alerts: create a rule in the form, edit it, mute it; the fired history
        driver.findElement(By.linkText("Alerts")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-form")));
        driver.findElement(By.name("name")).sendKeys("Orders dip this hour");
        new Select(driver.findElement(By.name("kpi"))).selectByValue("live_orders_hour");
        new Select(driver.findElement(By.name("condition"))).selectByValue("below_usual");
        driver.findElement(By.name("threshold")).sendKeys("50");
        driver.findElement(By.xpath("//button[normalize-space()='Create rule']")).click();
        wait.until(d -> d.findElement(By.id("rules")).getText().contains("Orders dip this hour"));
        assertThat(driver.findElement(By.id("alerts-message")).getText()).contains("Saved rule");
        assertThat(driver.findElement(By.id("rules")).getText())
                .contains("Orders in the last hour below 50 % of the usual for that hour and weekday").contains(t.manager());
        // a bad threshold is explained in the form, nothing is saved
        new Select(driver.findElement(By.name("kpi"))).selectByValue("orders");
        new Select(driver.findElement(By.name("condition"))).selectByValue("change_previous");
        driver.findElement(By.name("threshold")).sendKeys("-5");
        driver.findElement(By.xpath("//button[normalize-space()='Create rule']")).click();
        wait.until(d -> d.findElement(By.id("alerts-message")).getText().contains("percentage"));
        assertThat(driver.findElements(By.cssSelector("#rules tbody tr"))).hasSize(1);
        driver.findElement(By.xpath("//tr[contains(., 'Orders dip this hour')]//button[normalize-space()='Edit']")).click();
        wait.until(d -> d.findElement(By.id("rule-form")).getText().contains("Edit"));
        WebElement threshold = driver.findElement(By.name("threshold"));
        threshold.clear();
        threshold.sendKeys("40");
        driver.findElement(By.xpath("//button[normalize-space()='Save changes']")).click();
        wait.until(d -> d.findElement(By.id("rules")).getText().contains("below 40 % of the usual"));
        driver.findElement(By.xpath("//tr[contains(., 'Orders dip this hour')]//button[normalize-space()='Mute']")).click();
        wait.until(d -> d.findElement(By.id("rules")).getText().contains("muted"));
        assertThat(t.asManager().get("/api/alerts/rules").then().extract().jsonPath().getBoolean("[0].muted")).isTrue();
        Browser.screenshot(driver, "alerts");

        // Dashboard: the last 30 days end with the dip marked, and the forecast band after it
        driver.get(root + "?preset=30d");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
        // the 30 days end on the last day: its point is the 30th
        WebElement marker = driver.findElement(By.cssSelector(".chart svg .anomaly[data-index='29']"));
        assertThat(marker.findElement(By.tagName("title")).getAttribute("textContent"))
                .contains(InsightShop.LAST_DAY.toString()).contains("Orders −").contains("Netherlands (country");
        assertThat(driver.findElements(By.cssSelector(".chart svg .forecast .band"))).hasSize(1);
        assertThat(driver.findElement(By.id("chart-legend")).getText()).contains("Forecast").contains("80 % interval");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.cssSelector(".card.chart")));
        Browser.screenshot(driver, "dashboard-insights");
    }
}
