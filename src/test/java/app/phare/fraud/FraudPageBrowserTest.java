package app.phare.fraud;

import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import app.phare.token.Scope;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static app.phare.fraud.FraudApi.aPayment;
import static app.phare.fraud.FraudApi.aToken;
import static app.phare.fraud.FraudApi.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Fraud page in headless Chromium: today's counts, the decisions with their reasons, the filter, an admin
 * marking a false positive and changing the rules; a manager sees the same without the buttons.
 */
@QuarkusTest
class FraudPageBrowserTest extends BrowserTest {

    @Test
    void anAdminReadsTheDecisionsMarksAFalsePositiveAndChangesTheRules() throws Exception {
        Api.TestTenant shop = Api.aTenant();
        shop.asAdmin().body(Map.of("blocklist", Map.of("emails", List.of("mallory@example.com")))).put("/api/fraud/rules")
                .then().statusCode(200);
        String token = aToken(shop, Scope.PAYMENTS_CHECK);
        check(token, aPayment("C-ann")).then().statusCode(200);
        Map<String, Object> abroad = aPayment("C-bob");
        abroad.put("ipCountry", "NG");
        abroad.put("billingCountry", "FR");
        check(token, abroad).then().statusCode(200);
        Map<String, Object> blocked = aPayment("C-mallory");
        blocked.put("email", "mallory@example.com");
        check(token, blocked).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                shop.asAdmin().get("/api/fraud/decisions").then().extract().jsonPath().getList("id").size() == 3);

        driver = Browser.start(1280, 1000);
        WebDriverWait wait = login(shop.admin(), shop.password());
        driver.get(root + "fraud");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decisions")));
        assertThat(driver.findElement(By.cssSelector("[data-count=total]")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("[data-count=block]")).getText()).isEqualTo("1");
        String table = driver.findElement(By.id("decisions")).getText();
        assertThat(table).contains("card country GB differs from IP country NG").contains("email is on the blocklist")
                .contains("no rule fired").contains("C-bob");
        Browser.screenshot(driver, "fraud");

        // the filter swaps the table in place
        new Select(driver.findElement(By.name("decision"))).selectByValue("block");
        wait.until(d -> d.findElements(By.cssSelector("#decisions tbody tr")).size() == 1);
        assertThat(driver.findElement(By.id("decisions")).getText()).contains("C-mallory").doesNotContain("C-bob");
        new Select(driver.findElement(By.name("decision"))).selectByValue("review");
        wait.until(d -> d.findElement(By.id("decisions")).getText().contains("C-bob"));

        // false positive: the row says so, and who marked it
        WebElement row = driver.findElement(By.cssSelector("#decisions tbody tr[data-decision=review]"));
        row.findElement(By.xpath(".//button[normalize-space()='False positive']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#decisions tbody tr[data-decision=review]")).getText().contains("false positive"));
        assertThat(driver.findElement(By.cssSelector("#decisions tbody tr[data-decision=review]")).getText()).contains(shop.admin());
        assertThat(shop.asAdmin().get("/api/fraud/decisions?decision=review").then().extract().jsonPath()
                .getList("falsePositive")).containsExactly(true);

        // the rules: a refused change says why and changes nothing, a good one is saved
        setField("blockAt", "20");
        driver.findElement(By.xpath("//button[normalize-space()='Save rules']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#rules .alert")).getText().contains("must not be below reviewAt"));
        setField("blockAt", "70");
        setField("reviewAt", "30");
        driver.findElement(By.name("blockedCountries")).sendKeys("kp");
        driver.findElement(By.xpath("//button[normalize-space()='Save rules']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#rules .notice")).getText().contains("Rules saved"));
        assertThat(driver.findElement(By.id("rules-facts")).getText()).contains("KP");
        var rules = shop.asAdmin().get("/api/fraud/rules").then().extract().jsonPath();
        assertThat(rules.getInt("reviewAt")).isEqualTo(30);
        assertThat(rules.getInt("blockAt")).isEqualTo(70);
        assertThat(rules.getList("blocklist.emails")).containsExactly("mallory@example.com");
        assertThat(rules.getList("blocklist.countries")).containsExactly("KP");
        Browser.screenshot(driver, "fraud-rules");

        // a manager reads the same page, without the admin's buttons and form
        driver.manage().deleteAllCookies();
        wait = login(shop.manager(), shop.password());
        driver.get(root + "fraud");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decisions")));
        assertThat(driver.findElement(By.id("decisions")).getText()).contains("C-mallory");
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='False positive']"))).isEmpty();
        assertThat(driver.findElements(By.id("rules-form"))).isEmpty();
    }

    private void setField(String name, String value) {
        WebElement input = driver.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    private WebDriverWait login(String email, String password) {
        return Browser.logIn(driver, root, email, password);
    }
}
