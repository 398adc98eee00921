package org.rightstream.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, on the dashboard of the pipeline under test.
 * The browser and driver are the system's ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or
 * {@code RIGHTSTREAM_CHROMIUM} / {@code RIGHTSTREAM_CHROMEDRIVER}), so nothing is downloaded.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    private final String base;

    private DashboardBrowser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Path chromium() {
        return Path.of(System.getenv().getOrDefault("RIGHTSTREAM_CHROMIUM", "/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(System.getenv().getOrDefault("RIGHTSTREAM_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    /** Why the browser tests cannot run here, or null when they can. */
    static String unavailableReason() {
        if (!Files.isExecutable(chromium())) {
            return "no Chromium at " + chromium() + " (install Debian's chromium, or set RIGHTSTREAM_CHROMIUM)";
        }
        if (!Files.isExecutable(chromedriver())) {
            return "no chromedriver at " + chromedriver() + " (install Debian's chromium-driver, or set RIGHTSTREAM_CHROMEDRIVER)";
        }
        return null;
    }

    static DashboardBrowser open(String base, int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        Path profile = Files.createTempDirectory("rightstream-chromium");
        // The flags a closed network needs: without the background-networking ones Chromium keeps trying to
        // reach Google's hosts; --no-sandbox because CI runs as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile()).usingAnyFreePort().build();
        return new DashboardBrowser(new ChromeDriver(service, options), base);
    }

    void go(String hash) {
        driver.get(base + "/" + hash);
    }

    WebElement waitFor(By by) {
        return until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, "element " + by);
    }

    WebElement waitForText(By by, String text) {
        return until(d -> d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null),
                "'" + text + "' in " + by);
    }

    <T> T until(ExpectedCondition<T> condition, String what) {
        return until(condition, what, WAIT);
    }

    <T> T until(ExpectedCondition<T> condition, String what, Duration within) {
        // The page re-renders lists (the report list polls), so an element found a moment ago may be gone.
        return new WebDriverWait(driver, within).withMessage("waiting for " + what + " on " + driver.getCurrentUrl())
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saved under target/screenshots as a build artifact; a failed test's last view is there too. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** The page's console errors and uncaught exceptions since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
