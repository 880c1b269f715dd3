package app.phare.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.net.URL;

/**
 * A page test in headless Chromium: the application's root, the test's browser (started with {@link Browser#start}),
 * and after each test a screenshot of where the browser ended, under target/screenshots, before it is closed. A test
 * fails if the Content-Security-Policy blocked anything on its pages (an inline script or handler, a foreign source).
 */
public abstract class BrowserTest {

    @TestHTTPResource("/")
    protected URL root;

    protected WebDriver driver;

    @AfterEach
    void quitBrowser() throws IOException {
        if (driver == null) {
            return;
        }
        java.util.List<String> blocked;
        try {
            blocked = Browser.blockedByPolicy(driver);
            Browser.screenshot(driver, getClass().getSimpleName() + "-last-state");
        } finally {
            driver.quit();
            driver = null;
        }
        org.assertj.core.api.Assertions.assertThat(blocked).as("refused by the Content-Security-Policy").isEmpty();
    }
}
