package app.phare.live;

import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import app.phare.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.phare.testing.Events.aCartAdd;
import static app.phare.testing.Events.aPageView;
import static app.phare.testing.Events.aPurchaseEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 6: the Live page and the dashboard's Today strip update in headless Chromium when an event is posted. */
@QuarkusTest
class LivePageBrowserTest extends BrowserTest {

    @Test
    void theLivePageAndTheTodayStripUpdateInPlaceWhenAPurchaseIsPosted() throws Exception {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        String token = Events.aToken(t, "events:write");
        t.asAdmin().body(Map.of("cartWindowMinutes", 0.05)).put("/api/live/settings").then().statusCode(200);
        Events.post(token, List.of(aPageView("v1", "s1", Instant.now()), aPageView("v2", "s2", Instant.now())));

        driver = Browser.start(1280, 1000);
        WebDriverWait wait = Browser.logIn(driver, root, t.admin(), t.password());

        driver.findElement(By.linkText("Live")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-live-status]"), "live"));
        assertThat(text("[data-kpi=orders]")).isEqualTo("0");
        assertThat(text("[data-kpi=sessions]")).isEqualTo("2");
        String url = driver.getCurrentUrl();

        Events.post(token, List.of(aPurchaseEvent("p1", "s1", "o1", Instant.now(), "1234.50"),
                aCartAdd("c1", "s2", Instant.now(), "MUG", 2, "4.50")));
        within(3).until(d -> text("[data-kpi=orders]").equals("1"));
        assertThat(driver.getCurrentUrl()).as("updated in place, no reload").isEqualTo(url);
        assertThat(text("[data-kpi=revenue]")).contains("1").contains("234,50").contains("€");
        assertThat(text("[data-live=activity]")).contains("Purchase").contains("o1").contains("Added to cart");
        // the cart of s2 is abandoned after the 3-second window and listed without a reload
        within(15).until(d -> text("[data-live=carts]").contains("s2"));
        assertThat(text("[data-live=carts]")).contains("abandoned").contains("9,00");
        Browser.screenshot(driver, "live");

        driver.findElement(By.linkText("Dashboard")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-live-status]"), "live"));
        wait.until(d -> text(".today-strip [data-kpi=orders]").equals("1"));
        Events.post(token, List.of(aPurchaseEvent("p2", "s3", "o2", Instant.now(), "10.00")));
        within(3).until(d -> text(".today-strip [data-kpi=orders]").equals("2"));
        Browser.screenshot(driver, "dashboard-today");

        driver.findElement(By.linkText("Admin")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tokens form")));
        driver.findElement(By.cssSelector("#tokens input[name=name]")).sendKeys("till");
        driver.findElement(By.xpath("//button[normalize-space()='Create token']")).click();
        String shown = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-token]"))).getText();
        assertThat(shown).startsWith("phr_");
        Events.post(shown, List.of(aPageView("v3", "s9", Instant.now())));
        assertThat(driver.findElement(By.id("drift")).getText()).contains("Live vs nightly");
        Browser.screenshot(driver, "admin-tokens");
    }

    private WebDriverWait within(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().strip();
    }
}
