package app.phare.report;

import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Reports page in headless Chromium: generate, a live toast when ready, the download; the admin's background section. */
@QuarkusTest
class ReportsPageBrowserTest extends BrowserTest {

    @Test
    void aManagerGeneratesAReportIsToldWhenItIsReadyAndDownloadsIt() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 1, 1), 90));
        Api.runNightly(t);

        driver = Browser.start(1280, 900);
        WebDriverWait wait = Browser.logIn(driver, root, t.manager(), t.password());
        driver.findElement(By.linkText("Reports")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("type")));
        new Select(driver.findElement(By.name("type"))).selectByValue("sales-summary");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].value = '2025-01-01';", driver.findElement(By.name("from")));
        js.executeScript("arguments[0].value = '2025-03-31';", driver.findElement(By.name("to")));
        new Select(driver.findElement(By.name("format"))).selectByValue("pdf");
        driver.findElement(By.xpath("//button[normalize-space()='Generate']")).click();
        wait.until(d -> d.findElement(By.id("report-list")).getText().contains("queued: you will be told"));
        // the toast comes over Server-Sent Events, and the list turns ready by itself
        String toast = new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".toast"))).getText();
        assertThat(toast).contains("Report ready").contains("Sales summary");
        wait.until(d -> !d.findElements(By.cssSelector("[data-status=ready]")).isEmpty());
        wait.until(d -> d.findElement(By.cssSelector("#bell .count")).getText().equals("1"));
        Browser.screenshot(driver, "reports");
        String href = driver.findElement(By.linkText("Download")).getAttribute("href");
        assertThat(href).matches(".*/reports/\\d+/file");
        Object status = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + new TextDecoder().decode(b.slice(0, 4)))));", href);
        assertThat(status).isEqualTo("200 %PDF");

        driver.get(root + "notifications");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preferences-form")));
        assertThat(driver.findElement(By.id("preferences-form")).getText()).contains("A report I asked for is ready");
    }
}
