package app.phare.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.net.URL;

/**
 * A page test in headless Chromium: the application's root, the test's browser (started with {@link Browser#start}),
 * and after each test a screenshot of where the browser ended, under target/screenshots, before it is closed.
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
        try {
            Browser.screenshot(driver, getClass().getSimpleName() + "-last-state");
        } finally {
            driver.quit();
            driver = null;
        }
    }
}
