package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium against the real pipeline (Kafka, Elasticsearch, the three services):
 * upload a report and find it, filter by category and severity, compare two years, add a watch and see its
 * alert arrive live, all through the page as a user works it, keyboard included. Each view is checked
 * against the API's own answer for the same question, and every test leaves a screenshot in
 * target/screenshots.
 */
class DashboardIT {
    /** Countries of their own, so the analytics tests' figures for the seeds' country stay as they are. */
    private static final String UPLOAD_COUNTRY = "Dashland";

    private static RunningPipeline pipeline;
    private static DashboardBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        String reason = DashboardBrowser.unavailableReason();
        assumeTrue(reason == null, () -> "dashboard tests skipped: " + reason);
        pipeline = RunningPipeline.get();
        // The State Department seeds (Kazakhstan 2012, 2017, 2021), shared with the other tests.
        for (String prefix : List.of("000_", "001_", "002_")) {
            SeedReports.awaitIndexed(pipeline, SeedReports.ingest(pipeline, prefix), Duration.ofSeconds(120));
        }
        browser = DashboardBrowser.open(pipeline.url("query-service"), 1280, 1000);
        // Writes need the API key: a user enters it once in the header's dialog.
        browser.go("#/search");
        browser.waitFor(By.id("q"));
        browser.driver.findElement(By.id("key-button")).click();
        browser.waitFor(By.id("api-key")).sendKeys(Api.KEY);
        browser.driver.findElement(By.id("key-save")).click();
        browser.until(d -> d.findElement(By.id("key-button")).getText().contains("✓") ? true : null, "the key saved");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void pageStaysHealthy(TestInfo test) throws Exception {
        browser.screenshot("dashboard-" + test.getTestMethod().orElseThrow().getName() + "-end");
        List<String> errors = browser.consoleErrors().stream()
                // A refused upload is an HTTP error the page shows on purpose; Chromium logs it as well.
                .filter(e -> !e.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("script errors on the page").isEmpty();
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static String query(String path) {
        return pipeline.url("query-service") + path;
    }

    private static String token() {
        StringBuilder s = new StringBuilder("zq");
        UUID.randomUUID().toString().chars().filter(Character::isLetter).limit(8).forEach(c -> s.append((char) c));
        return s.toString().toLowerCase(Locale.ROOT);
    }

    @Test
    void anUploadedReportBecomesSearchableAndItsTextNeverRunsAsMarkup() throws Exception {
        String token = token();
        String payload = "Monitors reported that " + token + " <script>window.__xss = 1</script> and "
                + "<img src=x onerror=\"window.__xss = 2\"> appeared in a detention centre where detainees were beaten.";
        byte[] seed = Files.readAllBytes(pipeline.seed("001_"));
        byte[] report = Api.withFirstLine("Dashboard upload " + token + "\n\n" + payload, seed);
        Path file = Files.createDirectories(Path.of("target", "dashboard")).resolve(token + ".txt");
        Files.write(file, report);

        browser.go("#/reports");
        browser.waitFor(By.id("dropzone"));
        browser.driver.findElement(By.cssSelector("details summary")).click();
        browser.driver.findElement(By.id("upload-country")).sendKeys(UPLOAD_COUNTRY);
        browser.driver.findElement(By.id("upload-year")).sendKeys("2019");
        browser.driver.findElement(By.id("upload-allow-duplicate")).click();
        browser.driver.findElement(By.id("upload-files")).sendKeys(file.toAbsolutePath().toString());

        WebElement message = browser.waitForText(By.cssSelector(".uploads li"), "passages published");
        int published = Integer.parseInt(message.getText().replaceAll("(?s).*?(\\d+) passages published.*", "$1"));
        assertThat(published).isGreaterThan(50);

        // The list polls while passages are on their way: the row's "Searchable" reaches "Passages".
        browser.until(d -> {
            for (WebElement row : d.findElements(By.cssSelector("table.reports tbody tr"))) {
                if (row.getText().contains(file.getFileName().toString())) {
                    List<WebElement> cells = row.findElements(By.cssSelector("td.num"));
                    return cells.get(0).getText().equals(String.valueOf(published))
                            && cells.get(1).getText().equals(String.valueOf(published)) ? row : null;
                }
            }
            return null;
        }, "the uploaded report listed with all " + published + " passages searchable", Duration.ofSeconds(120));
        assertThat(browser.driver.findElement(By.cssSelector("table.reports")).getText()).contains(UPLOAD_COUNTRY);
        browser.screenshot("dashboard-upload-listed");

        browser.go("#/search?q=" + token);
        browser.waitForText(By.cssSelector(".summary"), "passage");
        List<WebElement> hits = browser.driver.findElements(By.cssSelector(".hit"));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).getText()).contains(UPLOAD_COUNTRY).containsIgnoringCase(token);
        assertThat(browser.driver.findElements(By.cssSelector(".hit mark")))
                .anySatisfy(m -> assertThat(m.getText()).isEqualToIgnoringCase(token));
        assertNothingRan();

        hits.get(0).findElement(By.cssSelector("h2 a")).click();
        browser.waitFor(By.cssSelector(".passage-text"));
        assertThat(browser.driver.findElement(By.cssSelector(".passage-text")).getText()).contains(token);
        assertNothingRan();
        browser.screenshot("dashboard-upload-passage");
    }

    private static void assertNothingRan() {
        assertThat(browser.script("return window.__xss === undefined")).as("report text ran as script").isEqualTo(true);
        assertThat(browser.script("return document.querySelectorAll('main script, main img, main iframe').length"))
                .as("report text became elements").isEqualTo(0L);
    }

    @Test
    void aRefusedUploadSaysWhyAndTheListShowsTheRejection() throws Exception {
        browser.go("#/reports");
        browser.waitFor(By.id("dropzone"));
        String name = "damaged-" + token() + ".pdf";
        // A file dropped on the zone, as a user drags it from their desktop.
        browser.script("""
                const file = new File(['%PDF-1.4\\nthis file was cut off'], arguments[0], { type: 'application/pdf' });
                const data = new DataTransfer();
                data.items.add(file);
                document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
                """, name);
        WebElement error = browser.waitForText(By.cssSelector(".uploads .error"), "PDF could not be read");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        browser.waitForText(By.cssSelector("table.reports"), name);
        WebElement row = browser.driver.findElements(By.cssSelector("table.reports tbody tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("rejected").contains("could not be read");
    }

    @Test
    void searchFiltersByCategoryAndSeverityAsTheApiDoes() throws Exception {
        browser.go("#/search?q=torture");
        long all = total();
        assertThat(all).isGreaterThan(0);

        new Select(browser.waitFor(By.cssSelector("select[name=category] option[value=torture]")).findElement(By.xpath("..")))
                .selectByValue("torture");
        browser.until(d -> d.getCurrentUrl().contains("category=torture") ? true : null, "the category in the URL");
        long torture = waitForTotal(apiTotal("q=torture&category=torture"));
        new Select(browser.driver.findElement(By.cssSelector("select[name=minSeverity]"))).selectByValue("3");
        long severe = waitForTotal(apiTotal("q=torture&category=torture&minSeverity=3"));
        assertThat(severe).isLessThanOrEqualTo(torture).isLessThan(all).isGreaterThan(0);

        List<WebElement> hits = browser.driver.findElements(By.cssSelector(".hit"));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.findElements(By.cssSelector(".cat"))).extracting(WebElement::getText)
                    .contains("Torture and ill-treatment");
            int level = Integer.parseInt(hit.findElement(By.cssSelector(".sev")).getAttribute("class").replaceAll(".*sev-(\\d).*", "$1"));
            assertThat(level).isGreaterThanOrEqualTo(3);
        });
        assertThat(browser.driver.findElement(By.cssSelector(".chips")).getText()).contains("severity ≥ 3");
        browser.screenshot("dashboard-search-filtered");

        // A facet value filters too, and shows as pressed.
        WebElement year = browser.driver.findElements(By.cssSelector("#facet-year + ul button")).get(0);
        String yearValue = year.findElement(By.cssSelector(".facet-label")).getText();
        year.click();
        waitForTotal(apiTotal("q=torture&category=torture&minSeverity=3&yearFrom=" + yearValue + "&yearTo=" + yearValue));
        browser.until(d -> d.findElements(By.cssSelector("#facet-year + ul button[aria-pressed=true]")).isEmpty() ? null : true,
                "the year facet pressed");
    }

    private static long total() {
        String summary = browser.waitForText(By.cssSelector(".summary"), "passage").getText();
        return Long.parseLong(summary.replaceAll("^([\\d,]+) passage.*$", "$1").replace(",", ""));
    }

    private static long waitForTotal(long expected) {
        browser.until(d -> {
            String s = d.findElement(By.cssSelector(".summary")).getText();
            return s.startsWith(String.format(Locale.US, "%,d passage", expected)) ? s : null;
        }, expected + " passages in the summary");
        return expected;
    }

    private static long apiTotal(String params) {
        Api.Response r = Api.get(query("/api/search?size=1&facets=false&" + params));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("total").asLong();
    }

    @Test
    void theComparisonViewShowsWhatGrewAndWhoIsNew() throws Exception {
        browser.go("#/compare");
        WebElement country = browser.waitFor(By.cssSelector("#cmp-country option[value=Kazakhstan]")).findElement(By.xpath(".."));
        new Select(country).selectByValue("Kazakhstan");
        browser.until(d -> d.findElements(By.cssSelector("#cmp-from option")).size() >= 2 ? true : null, "the country's years");
        new Select(browser.driver.findElement(By.id("cmp-from"))).selectByValue("2012");
        new Select(browser.driver.findElement(By.id("cmp-to"))).selectByValue("2021");
        browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitForText(By.tagName("h1"), "What's new in 2021 compared with 2012");
        browser.waitFor(By.cssSelector(".compare table tbody tr"));

        JsonNode api = Api.get(query("/api/compare?country=Kazakhstan&from=2012&to=2021&passagesPerName=3")).json();
        long categoriesWithPassages = 0;
        int biggestGrowth = Integer.MIN_VALUE;
        String biggestGrowthLabel = null;
        for (JsonNode c : api.path("categories")) {
            if (c.path("from").path("passages").asInt() > 0 || c.path("to").path("passages").asInt() > 0) {
                categoriesWithPassages++;
            }
            if (c.path("change").path("passages").asInt() > biggestGrowth) {
                biggestGrowth = c.path("change").path("passages").asInt();
                biggestGrowthLabel = c.path("label").asString();
            }
        }
        List<WebElement> rows = browser.driver.findElements(By.cssSelector(".compare table tbody tr"));
        assertThat(rows).hasSize((int) categoriesWithPassages);
        assertThat(rows.get(0).getText()).contains("grew").contains("+" + biggestGrowth);
        assertThat(biggestGrowthLabel).isNotNull();
        assertThat(browser.driver.findElement(By.cssSelector("figure.chart figcaption")).getText())
                .contains("Most growth").contains("+" + biggestGrowth);
        assertThat(browser.script("return !!Chart.getChart('chart-compare')")).isEqualTo(true);

        String firstNewPerson = api.path("newNames").path("persons").path("names").path(0).path("name").asString();
        assertThat(firstNewPerson).isNotBlank();
        WebElement newNames = browser.driver.findElement(By.cssSelector("[aria-labelledby=h-new-p]"));
        assertThat(newNames.getText()).contains("Persons (" + api.path("newNames").path("persons").path("total").asInt() + ")")
                .contains(firstNewPerson);
        // A new name opens to the passages naming it, each a link to the passage.
        WebElement first = newNames.findElement(By.cssSelector("details"));
        first.findElement(By.tagName("summary")).click();
        first.findElement(By.cssSelector("ul a")).click();
        browser.waitFor(By.cssSelector(".passage-text"));
        browser.screenshot("dashboard-compare-passage");
    }

    @Test
    void aWatchAddedOnThePageRaisesALiveAlertAndANewWatchShowsPastMatches() throws Exception {
        String country = "Watchland " + token();
        removeWatches("Yevgeny Zhovtis", "Vladimir Kozlov");
        browser.go("#/watchlist");
        browser.waitForText(By.cssSelector(".feed-status"), "live");
        browser.driver.findElement(By.id("add-watch")).click();
        browser.waitFor(By.id("w-name")).sendKeys("Yevgeny Zhovtis");
        browser.driver.findElement(By.id("w-aliases")).sendKeys("Евгений Жовтис");
        browser.driver.findElement(By.id("w-countries")).sendKeys(country);
        browser.driver.findElement(By.cssSelector("form.watch-form button[type=submit]")).click();
        WebElement row = browser.waitForText(By.cssSelector(".watch-table tbody tr"), "Yevgeny Zhovtis");
        browser.until(d -> cellOf("Yevgeny Zhovtis").contains("none found") ? true : null, "the retroactive check of the new watch");
        assertThat(row.getText()).contains(country);

        // A report naming him (as "Evgeniy Zhovtis") arrives while the page is open.
        Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true&country="
                + Api.encode(country), "live.txt", Api.withFirstLine("Live alert " + token(), Files.readAllBytes(pipeline.seed("000_"))));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String reportId = upload.json().path("reportId").asString();

        WebElement alert = browser.until(d -> d.findElements(By.cssSelector("#alert-feed li.alert-item")).stream()
                .filter(e -> e.getText().contains("Yevgeny Zhovtis") && e.getAttribute("data-id").endsWith(":" + reportId))
                .findFirst().orElse(null), "the live alert", Duration.ofSeconds(90));
        assertThat(alert.findElements(By.cssSelector(".alert-passages li"))).isNotEmpty();
        assertThat(alert.findElements(By.cssSelector(".alert-passages mark"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.id("alert-badge")).isDisplayed()).isTrue();
        browser.screenshot("dashboard-live-alert");

        String notificationId = alert.getAttribute("data-id");
        alert.findElement(By.cssSelector("button.ack")).click();
        browser.until(d -> alert.getText().contains("acknowledged") ? true : null, "the acknowledgement");
        JsonNode stored = Api.get(query("/api/alerts/notifications?watchId=" + Api.encode(notificationId.split(":")[0])
                + "&reportId=" + reportId)).json().path("items").path(0);
        assertThat(stored.path("acknowledged").asBoolean()).isTrue();

        // A watch added after the report was indexed finds it in the background and lists it as a past match.
        browser.driver.findElement(By.id("add-watch")).click();
        browser.waitFor(By.id("w-name")).sendKeys("Vladimir Kozlov");
        browser.driver.findElement(By.id("w-countries")).sendKeys(country);
        browser.driver.findElement(By.cssSelector("form.watch-form button[type=submit]")).click();
        browser.until(d -> cellOf("Vladimir Kozlov").contains("found") && !cellOf("Vladimir Kozlov").contains("none")
                ? true : null, "past matches of the new watch", Duration.ofSeconds(60));
        browser.waitForText(By.cssSelector(".stored-alerts li.retro"), "Vladimir Kozlov");
        assertThat(browser.driver.findElement(By.cssSelector(".stored-alerts")).getText()).contains("past match");
        browser.screenshot("dashboard-retroactive");
    }

    private static String cellOf(String watchName) {
        return browser.driver.findElements(By.cssSelector(".watch-table tbody tr")).stream()
                .filter(r -> r.getText().contains(watchName))
                .map(r -> r.findElement(By.cssSelector("td.retro")).getText())
                .findFirst().orElse("");
    }

    private static void removeWatches(String... names) {
        for (JsonNode w : Api.get(query("/api/watchlist")).json().path("watches")) {
            if (List.of(names).contains(w.path("name").asString())) {
                Api.delete(query("/api/watchlist/" + Api.encode(w.path("id").asString())));
            }
        }
    }

    @Test
    void theSearchWorksFromTheKeyboardAndFitsANarrowWindow() throws Exception {
        browser.go("#/reports");
        browser.waitFor(By.id("dropzone"));
        browser.go("#/search");
        browser.waitFor(By.id("q"));
        WebElement skip = browser.driver.findElement(By.cssSelector("a.skip-link"));
        browser.script("arguments[0].focus()", skip);
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("the skip link's target").isEqualTo("main");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/search");
        browser.go("#/reports");
        browser.waitFor(By.id("dropzone"));
        browser.go("#/search");
        browser.waitFor(By.id("q"));
        // Focus starts on the view's heading; the next stop is the query box, and Enter searches.
        assertThat(browser.driver.switchTo().activeElement().getTagName()).isEqualTo("h1");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement box = browser.driver.switchTo().activeElement();
        assertThat(box.getAttribute("id")).isEqualTo("q");
        box.sendKeys("detention", Keys.ENTER);
        browser.waitForText(By.cssSelector(".summary"), "for “detention”");

        List<String> visited = new ArrayList<>();
        WebElement focused = null;
        for (int i = 0; i < 80; i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            focused = browser.driver.switchTo().activeElement();
            visited.add(focused.getTagName() + ":" + focused.getText());
            if (focused.getAttribute("href") != null && focused.getAttribute("href").contains("#/passage/")) {
                break;
            }
        }
        assertThat(focused.getAttribute("href")).as("Tab reaches a result; stops: %s", visited).contains("#/passage/");
        focused.sendKeys(Keys.ENTER);
        browser.waitFor(By.cssSelector(".passage-text"));
        assertThat(browser.driver.switchTo().activeElement().getTagName()).as("focus moves to the new view's heading")
                .isEqualTo("h1");

        // Every control on the views carries a label a screen reader can read.
        for (String view : List.of("#/search?q=detention", "#/trends", "#/compare?country=Kazakhstan&from=2012&to=2021",
                "#/reports", "#/watchlist")) {
            browser.go(view);
            browser.waitFor(By.tagName("h1"));
            browser.until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty() ? true : null, "the view loaded");
            assertThat(browser.script("""
                    return [...document.querySelectorAll('input, select, textarea, canvas')]
                      .filter(e => e.type !== 'hidden')
                      .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                      .map(e => e.outerHTML.slice(0, 120));
                    """)).as("unlabelled controls on %s", view).asList().isEmpty();
        }

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.go("#/search?q=detention");
        browser.waitForText(By.cssSelector(".summary"), "passage");
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling at 390 px").isEqualTo(true);
        browser.screenshot("dashboard-narrow-search");
    }
}
