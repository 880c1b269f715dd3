package app.phare.admin;

import app.phare.testing.Api;
import app.phare.testing.Browser;
import app.phare.testing.BrowserTest;
import app.phare.testing.StepFaults;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page, a run's page and the notifications, in headless Chromium: an admin runs the job, dry-runs it,
 * edits its schedule with the preview, pauses and resumes it, filters the history and reads the bell.
 */
@QuarkusTest
class AdminPageBrowserTest extends BrowserTest {

    @Inject
    StepFaults faults;

    @Test
    void anAdminSteersTheNightlyJobFromTheBrowser() throws Exception {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 30));
        Api.upload(t, source, (Api.PLAIN_HEADER + "Z1,2025-03-05 10:00:00,MUG-1,Blue mug,0,4.50,C1,France,web\n").getBytes());

        driver = Browser.start(1280, 1000);
        WebDriverWait wait = login(t.admin(), t.password());
        driver.get(root + "admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-nightly")));
        String jobText = driver.findElement(By.id("job-nightly")).getText();
        assertThat(jobText).contains("every day at 02:00 Europe/Paris").contains("none yet");

        // dry run: the page says it started and links to the run, whose page shows the per-file report
        click("Dry run");
        wait.until(d -> d.findElement(By.cssSelector("#jobs .notice")).getText().contains("Dry run"));
        String dryRunLink = driver.findElement(By.cssSelector("#jobs .notice a")).getAttribute("href");
        driver.get(dryRunLink);
        wait.until(d -> d.findElement(By.cssSelector("h1")).getText().contains("succeeded"));
        String dry = driver.findElement(By.tagName("main")).getText();
        assertThat(dry).contains("A dry run").contains("quantity is 0").contains("Days that would change");
        Browser.screenshot(driver, "admin-dry-run");

        // run now: the job list polls until the run is done
        driver.get(root + "admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-nightly")));
        click("Run now");
        wait.until(d -> d.findElement(By.cssSelector("#jobs .notice")).getText().contains("started"));
        wait.until(d -> d.findElement(By.id("job-nightly")).getText().contains("succeeded"));

        // edit the schedule: the preview shows the next fire times before saving
        WebElement cron = driver.findElement(By.name("cron"));
        cron.clear();
        cron.sendKeys("0 30 6 ? * MON-FRI");
        wait.until(d -> d.findElement(By.id("preview-nightly")).getText().contains("every weekday (Monday to Friday) at 06:30"));
        cron.clear();
        cron.sendKeys("0 99 6 * * ?");
        wait.until(d -> d.findElement(By.id("preview-nightly")).getText().contains("99 is not a valid minute"));
        cron.clear();
        cron.sendKeys("0 30 6 ? * MON-FRI");
        wait.until(d -> d.findElement(By.id("preview-nightly")).getText().contains("next:"));
        click("Save schedule");
        wait.until(d -> d.findElement(By.cssSelector("#jobs .notice")).getText().contains("Schedule of 'nightly' saved"));
        assertThat(driver.findElement(By.id("job-nightly")).getText()).contains("every weekday (Monday to Friday) at 06:30 Europe/Paris");

        // pause, then resume
        click("Pause");
        wait.until(d -> d.findElement(By.id("job-nightly")).getText().contains("paused"));
        assertThat(driver.findElement(By.id("job-nightly")).getText()).contains("none while paused");
        click("Resume");
        wait.until(d -> d.findElement(By.cssSelector("#jobs .notice")).getText().contains("resumed"));
        Browser.screenshot(driver, "admin");

        // the history filters without leaving the page; the audit names the admin
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("status")));
        assertThat(driver.findElement(By.id("audit")).getText()).contains(t.admin()).contains("schedule changed")
                .contains("paused").contains("resumed").contains("dry run").contains("run now");
        new Select(driver.findElement(By.name("status"))).selectByValue("failed");
        wait.until(d -> d.findElement(By.id("history")).getText().contains("No runs match"));
        new Select(driver.findElement(By.name("status"))).selectByValue("succeeded");
        wait.until(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 2);

        // the run's page: steps, files, rejects and the download
        driver.findElement(By.cssSelector("#history tbody tr:first-child a")).click();
        wait.until(d -> d.findElement(By.cssSelector("h1")).getText().contains("succeeded"));
        String run = driver.findElement(By.tagName("main")).getText();
        assertThat(run).contains("ingest-and-clean").contains("merge").contains("aggregate").contains("user — " + t.admin())
                .contains("quantity is 0").contains("Download all (CSV)");
        Browser.screenshot(driver, "admin-run");
    }

    @Test
    void theBellCountsUnreadNotificationsAndTheListClearsThem() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 2));
        faults.failNext(t.id(), "aggregate", 1000);
        try {
            for (int i = 0; i < 3; i++) {
                Api.runNightly(t, "failed");
            }
        } finally {
            faults.clear(t.id());
        }
        driver = Browser.start(1280, 900);
        WebDriverWait wait = login(t.admin(), t.password());
        wait.until(d -> d.findElement(By.cssSelector("#bell .count")).getText().equals("1"));
        driver.findElement(By.cssSelector("#bell a")).click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("paused after 3 failed runs in a row"));
        Browser.screenshot(driver, "notifications");
        driver.findElement(By.xpath("//button[normalize-space()='Mark all read']")).click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("All read"));
        wait.until(d -> d.findElements(By.cssSelector("#bell .count")).isEmpty());
        // the notification links to the failed run; the job is shown paused in red on the admin page
        driver.get(root + "admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-nightly")));
        String job = driver.findElement(By.id("job-nightly")).getText();
        assertThat(job).contains("paused").contains("3 failed runs in a row").contains("failed");
        List<WebElement> red = driver.findElements(By.cssSelector("#job-nightly .badge.failed"));
        assertThat(red).isNotEmpty();
        Browser.screenshot(driver, "admin-paused");
    }

    private WebDriverWait login(String email, String password) {
        return Browser.logIn(driver, root, email, password);
    }

    private void click(String label) {
        driver.findElement(By.xpath("//button[normalize-space()='" + label + "']")).click();
    }
}
