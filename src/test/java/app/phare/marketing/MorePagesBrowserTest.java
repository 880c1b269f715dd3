package app.phare.marketing;

import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import app.phare.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Marketing, Sales pipeline and Stock pages in headless Chromium, on the shared ad, CRM and Northwind files. */
@QuarkusTest
class MorePagesBrowserTest extends BrowserTest {

    @Test
    void marketingPipelineAndStockPagesShowTheData() throws Exception {
        Api.TestTenant t = Api.aTenant("America/New_York", "USD", "en-US");
        Path crm = SharedData.path("crm-sales-pipeline");
        long products = Api.aSource(t, "products", Map.of("sku", "product", "name", "product", "category", "series"), null,
                Map.of("aliases", Map.of("GTXPro", "GTX Pro")));
        long deals = Api.aSource(t, "crm_deals", Map.of("dealId", "opportunity_id", "stage", "deal_stage", "owner", "sales_agent",
                "product", "product", "engagedOn", "engage_date", "closedOn", "close_date", "value", "close_value"), null, null);
        long ads = Api.aSource(t, "ad_campaigns", Map.of("day", "Date", "campaign", "xyz_campaign_id", "ad", "ad_id",
                "impressions", "Impressions", "clicks", "Clicks", "spend", "Spent", "conversions", "Total_Conversion"),
                Map.of("delimiter", ",", "encoding", "UTF-8", "dateFormat", "dd-MM-yyyy"), null);
        long nwProducts = Api.aSource(t, "products", Map.of("sku", "ProductID", "name", "ProductName", "category", "CategoryID"), null, null);
        long stock = Api.aSource(t, "inventory", Map.of("sku", "ProductID", "onHand", "UnitsInStock", "onOrder", "UnitsOnOrder",
                "reorderLevel", "ReorderLevel"), null, null);
        Api.upload(t, products, Files.readAllBytes(crm.resolve("products.csv")));
        Api.upload(t, deals, Files.readAllBytes(crm.resolve("sales_pipeline.csv")));
        Api.upload(t, ads, Files.readAllBytes(SharedData.path("ad-campaigns").resolve("KAG_conversion_data.csv")));
        Api.upload(t, nwProducts, Files.readAllBytes(SharedData.path("northwind").resolve("products.csv")));
        Api.upload(t, stock, Files.readAllBytes(SharedData.path("northwind").resolve("products.csv")));
        Api.runNightly(t);

        driver = Browser.start(1280, 1000);
        WebDriverWait wait = Browser.logIn(driver, root, t.manager(), t.password());

        driver.findElement(By.linkText("Marketing")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kpi .value")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Spend").contains("By campaign").contains("916");
        assertThat(driver.findElements(By.cssSelector(".chart svg rect.bar"))).isNotEmpty();
        Browser.screenshot(driver, "marketing");
        // a narrower period updates the content only
        WebElement from = driver.findElement(By.name("from"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = '2023-08-30';", from);
        driver.findElement(By.xpath("//button[normalize-space()='Apply dates']")).click();
        wait.until(d -> d.getCurrentUrl().contains("from=2023-08-30"));
        wait.until(d -> d.findElement(By.cssSelector(".asof")).getText().contains("2023"));

        driver.findElement(By.linkText("Pipeline")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kpi .value")));
        String pipeline = driver.findElement(By.tagName("main")).getText();
        assertThat(pipeline).contains("Open pipeline").contains("Win rate").contains("GTX Pro").doesNotContain("GTXPRO")
                .contains("Engaging").contains("Prospecting");
        Browser.screenshot(driver, "pipeline");

        driver.findElement(By.linkText("Stock")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kpi .value")));
        String stockPage = driver.findElement(By.tagName("main")).getText();
        assertThat(stockPage).contains("By category").contains("Recommendations").contains("Below their reorder level").contains("Chai");
        Browser.screenshot(driver, "stock");

        driver.findElement(By.linkText("Data quality")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.quality")));
        String quality = driver.findElement(By.tagName("main")).getText();
        assertThat(quality).contains("Empty values per mapped column").contains("Lines read").contains("8,800")
                .contains("conversions without clicks");
        Browser.screenshot(driver, "quality");
    }
}
