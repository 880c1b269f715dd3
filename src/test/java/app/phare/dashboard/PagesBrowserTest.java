package app.phare.dashboard;

import app.phare.common.Display;
import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The login page, the dashboard and the sources page, driven in headless Chromium as a manager and an admin would. */
@QuarkusTest
class PagesBrowserTest extends BrowserTest {

    @Test
    void managerLogsInSeesTheFiguresAndFiltersWithoutReload() throws Exception {
        Api.TestTenant tenant = Api.aTenant("Europe/London", "GBP", "en-GB");
        long source = Api.anOrdersSource(tenant, Api.plainMapping(), null);
        Api.upload(tenant, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 90));
        Api.runNightly(tenant);

        driver = Browser.start(1280, 900);
        driver.get(root + "login");
        Browser.screenshot(driver, "login");
        WebDriverWait wait = Browser.logIn(driver, root, tenant.manager(), tenant.password());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#content .kpi .value")));

        assertThat(netRevenueTile()).isEqualTo(money(total(tenant, null)));
        assertThat(driver.findElements(By.cssSelector(".chart svg rect.bar"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElements(By.cssSelector("#content table tbody tr"))).isNotEmpty();
        Browser.screenshot(driver, "dashboard");

        ((JavascriptExecutor) driver).executeScript("window.phareMarker = 'still here';");
        new Select(driver.findElement(By.name("country"))).selectByValue("France");
        String france = money(total(tenant, "France"));
        wait.until(d -> netRevenueTile().equals(france));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.phareMarker;")).isEqualTo("still here");
        assertThat(driver.getCurrentUrl()).contains("country=France");
        Browser.screenshot(driver, "dashboard-france");

        // a custom range: type the dates, then apply them
        new Select(driver.findElement(By.name("country"))).selectByValue("");
        wait.until(d -> netRevenueTile().equals(money(total(tenant, null))));
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('[name=from]').value = '2025-04-01'; document.querySelector('[name=to]').value = '2025-04-30';");
        driver.findElement(By.xpath("//button[contains(., 'Apply dates')]")).click();
        String april = money(totalBetween(tenant, "2025-04-01", "2025-04-30"));
        wait.until(d -> netRevenueTile().equals(april));
        assertThat(new Select(driver.findElement(By.name("preset"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("custom");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.phareMarker;")).isEqualTo("still here");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(root.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#content .kpi .value")));
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "dashboard-phone");
    }

    @Test
    void adminCreatesASourceFromASampleUploadsAndRunsThePipeline() throws Exception {
        Api.TestTenant tenant = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        Path sample = Files.createTempFile("orders-", ".csv");
        Files.write(sample, TestOrders.csv(LocalDate.of(2025, 5, 1), 20));

        driver = Browser.start(1280, 1000);
        WebDriverWait wait = Browser.logIn(driver, root, tenant.admin(), tenant.password());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".empty")));
        driver.get(root + "sources");

        driver.findElement(By.name("name")).sendKeys("Boutique orders");
        driver.findElement(By.name("sample")).sendKeys(sample.toAbsolutePath().toString());
        driver.findElement(By.xpath("//button[contains(., 'Preview')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mapping select[name=orderId]")));
        assertThat(new Select(driver.findElement(By.cssSelector("#mapping select[name=orderId]"))).getFirstSelectedOption().getText())
                .isEqualTo("order");
        assertThat(new Select(driver.findElement(By.cssSelector("#mapping select[name=unitPrice]"))).getFirstSelectedOption().getText())
                .isEqualTo("price");
        assertThat(driver.findElements(By.cssSelector("#mapping .preview tbody tr"))).hasSize(8);
        // "at" is no usual name for a timestamp column: the user picks it
        new Select(driver.findElement(By.cssSelector("#mapping select[name=orderedAt]"))).selectByValue("at");
        Browser.screenshot(driver, "sources-preview");
        driver.findElement(By.xpath("//button[contains(., 'Create source')]")).click();
        // the page is replaced while the list is read: a node gone mid-read is read again
        wait.ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#source-list"), "Boutique orders"));
        // creating redirects the whole page: continue on a page that has finished loading
        driver.get(root + "sources");
        wait.ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            WebElement upload = d.findElement(By.cssSelector("#source-list input[type=file]"));
            upload.sendKeys(sample.toAbsolutePath().toString());
            return true;
        });
        driver.findElement(By.xpath("//section[contains(@class,'source')]//button[contains(., 'Upload')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#source-list"), "waits for the next run"));
        assertThat(driver.findElement(By.cssSelector("#source-list table .badge")).getText()).isEqualTo("pending");

        driver.findElement(By.xpath("//button[contains(., 'Run the pipeline now')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs .badge.succeeded")));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#source-list .badge.processed")));
        Browser.screenshot(driver, "sources");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(root + "sources");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs table")));
        Browser.screenshot(driver, "sources-phone");
        Object wide = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                        + "document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + "
                        + "Math.round(e.getBoundingClientRect().right)).join(', ');");
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scrolling of the sources page on a phone; too wide: " + wide).isLessThanOrEqualTo(0L);

        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(root.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#content .kpi .value")));
        assertThat(netRevenueTile()).endsWith("€");
    }

    private String netRevenueTile() {
        return driver.findElements(By.cssSelector("#content .kpi .value")).get(0).getText();
    }

    /** Net revenue of everything the tenant has, from the API. */
    private static BigDecimal total(Api.TestTenant tenant, String country) {
        var request = tenant.asManager().queryParam("from", "2000-01-01").queryParam("to", "2100-01-01").queryParam("grain", "month");
        if (country != null) {
            request = request.queryParam("country", country);
        }
        List<Map<String, Object>> rows = request.get("/api/metrics/sales").then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().map(r -> new BigDecimal(r.get("netRevenue").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Net revenue of the days from..to (inclusive), from the day grain of the API. */
    private static BigDecimal totalBetween(Api.TestTenant tenant, String from, String to) {
        List<Map<String, Object>> rows = tenant.asManager().queryParam("from", from).queryParam("to", to).queryParam("grain", "day")
                .get("/api/metrics/sales").then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().map(r -> new BigDecimal(r.get("netRevenue").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String money(BigDecimal amount) {
        return Display.money(amount, "GBP", Locale.forLanguageTag("en-GB"));
    }
}
