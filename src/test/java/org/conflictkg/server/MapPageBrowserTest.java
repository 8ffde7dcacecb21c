package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.cli.Main;
import org.conflictkg.server.KgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The map page in a real headless browser (Debian's chromium driven through chromedriver),
 * against the example store. Skipped when chromedriver is missing, unless CI is set: then the
 * browser must be there ({@code .ci/run} installs it).
 *
 * <p>The run also writes a screenshot to {@code target/screenshots/map.png}; with
 * {@code -Dmap.screenshot=docs/img/map.png} it is copied there too.
 */
class MapPageBrowserTest {
    static final String CHROMEDRIVER = BrowserLib.CHROMEDRIVER;
    static final String CHROMIUM = BrowserLib.CHROMIUM;

    @TempDir
    static Path tmp;
    static DatasetGraph dsg;
    static KgServer server;
    static ChromeDriverService service;
    static ChromeDriver driver;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean present = new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI: " + CHROMEDRIVER + " and " + CHROMIUM
                        + " must be installed (apt-get install chromium chromium-driver)");
            }
            assumeTrue(false, "no chromedriver at " + CHROMEDRIVER + "; browser tests skipped");
        }
        dsg = ExampleStore.build(tmp);
        server = KgServer.create().dataset(dsg, tmp.resolve("kg.fuseki")).port(0).build().start();
        base = server.baseUrl();

        service = BrowserLib.service();
        driver = BrowserLib.driver(service, tmp.resolve("chrome"), true);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
        if (server != null) server.close();
    }

    @BeforeEach
    void blank() {
        driver.get("about:blank");
        drainLogs();
    }

    void open(String hash) {
        driver.get(base + (hash == null ? "" : "#" + hash));
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        BrowserLib.waitFor(driver, condition);
    }

    WebElement marker(String label) {
        waitFor(d -> !d.findElements(By.cssSelector(".place[data-label='" + label + "']")).isEmpty());
        return driver.findElement(By.cssSelector(".place[data-label='" + label + "']"));
    }

    /** Clicks a marker, again if the map was still moving under it. */
    void clickMarker(String label) {
        waitFor(d -> {
            try {
                marker(label).click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException
                     | org.openqa.selenium.StaleElementReferenceException ex) {
                return false;
            }
        });
    }

    String colour(WebElement e) {
        return e.getCssValue("background-color");
    }

    String legendColour(String side) {
        return colour(driver.findElement(By.cssSelector("#legend-sides .swatch[data-side='" + side + "']")));
    }

    static void drainLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    @Test
    void loadsWithoutConsoleErrorsAndRequestsNoOtherHost() throws Exception {
        open(null);
        clickMarker("Saraqeb");
        waitFor(d -> !d.findElements(By.cssSelector("#panel-body blockquote")).isEmpty());
        driver.findElement(By.cssSelector("button[data-view='queries']")).click();
        new Select(driver.findElement(By.id("query-name"))).selectByValue("places");
        driver.findElement(By.id("query-run")).click();
        waitFor(d -> !d.findElements(By.cssSelector("table.result tbody tr")).isEmpty());

        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                severe.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertThat(severe).as("console errors and warnings").isEmpty();

        ObjectMapper json = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m = json.readTree(e.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(m.path("method").asText())) {
                urls.add(m.path("params").path("request").path("url").asText());
            }
        }
        String origin = base.substring(0, base.length() - 1);
        assertThat(urls).as("requests the page made").isNotEmpty()
                .anyMatch(u -> u.contains("/app/leaflet/leaflet.js"))
                .anyMatch(u -> u.contains("/app/countries.geojson"))
                .anyMatch(u -> u.contains("/app/admin1-lines.geojson"))
                .anyMatch(u -> u.contains("/app/admin1-names.geojson"))
                .anyMatch(u -> u.contains("/api/day?date="));
        for (String u : urls) {
            assertThat(u.startsWith(origin + "/") || u.startsWith("data:")).as("request to " + u).isTrue();
        }
    }

    @Test
    void markersTakeTheColourOfTheSideInControlOnTheDay() {
        open("date=2020-01-28");
        assertThat(driver.findElement(By.id("date")).getAttribute("value")).isEqualTo("2020-01-28");
        waitFor(d -> colour(marker("Maarat al-Numan")).equals(legendColour("opposition")));
        assertThat(legendColour("opposition")).isNotEqualTo(legendColour("government"));
        // two days on with the slider's keyboard steps
        WebElement slider = driver.findElement(By.id("slider"));
        slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        waitFor(d -> "2020-01-30".equals(d.findElement(By.id("date")).getAttribute("value")));
        waitFor(d -> colour(marker("Maarat al-Numan")).equals(legendColour("government")));
        assertThat(driver.getCurrentUrl()).contains("date=2020-01-30");
        // partial control is drawn differently from full control
        waitFor(d -> "partial".equals(marker("Idlib").getAttribute("data-kind"))
                && marker("Idlib").getCssValue("background-image").contains("gradient")
                && "none".equals(marker("Saraqeb").getCssValue("background-image")));
    }

    @Test
    void clickingSaraqebShowsTheQuoteAndItsSource() throws Exception {
        // zoomed on Idlib province, the markers left of the panel (also the README's picture)
        open("date=2020-01-31&at=35.62,37.35,9");
        clickMarker("Saraqeb");
        waitFor(d -> !d.findElements(By.cssSelector("#panel-body .report")).isEmpty());
        WebElement report = null;
        for (WebElement r : driver.findElements(By.cssSelector("#panel-body .report"))) {
            if (r.getText().contains("poised on Friday")) {
                report = r;
            }
        }
        assertThat(report).as("a report quoting 'poised on Friday'").isNotNull();
        assertThat(report.getAttribute("data-source")).isEqualTo("Syrian Observatory for Human Rights");
        assertThat(report.findElement(By.cssSelector(".article")).getText()).contains("The New Arab").contains("2020-01-31");
        assertThat(driver.findElement(By.cssSelector("#panel h2")).getText()).isEqualTo("Saraqeb");
        assertThat(marker("Saraqeb").getAttribute("data-contested")).isEqualTo("true");
        screenshot();
        // from the quote to everything its article contributed
        report.findElement(By.cssSelector("a.facts-link")).click();
        waitFor(d -> !d.findElements(By.cssSelector("table.result[data-query='article-facts'] tbody tr")).isEmpty());
        assertThat(driver.findElement(By.id("queries-view")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#query-params input[name='article']")).getAttribute("value"))
                .isEqualTo("2020-01-31-newarab-saraqeb");
    }

    @Test
    void theControllerAtFormReturnsTheRowsOfTheCommandLine() throws Exception {
        open("view=queries");
        new Select(driver.findElement(By.id("query-name"))).selectByValue("controller-at");
        WebElement date = driver.findElement(By.cssSelector("#query-params input[name='date']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", date, "2020-01-30");
        driver.findElement(By.id("query-run")).click();
        waitFor(d -> !d.findElements(By.cssSelector("table.result[data-query='controller-at'] tbody tr")).isEmpty());
        List<String> columns = new ArrayList<>();
        for (WebElement th : driver.findElements(By.cssSelector("table.result thead th"))) {
            columns.add(th.getAttribute("data-col"));
        }
        List<List<String>> page = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("table.result tbody tr"))) {
            List<String> row = new ArrayList<>();
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                row.add(td.getAttribute("data-value"));
            }
            page.add(row);
        }
        // the table shows labels, not IRIs
        assertThat(driver.findElement(By.cssSelector("table.result tbody")).getText()).doesNotContain("https://");

        // bin/conflict-kg query controller-at --param date=2020-01-30 -f csv, over the same store
        StringWriter out = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        // the store is served by this JVM; the command reads it through the server's endpoint
        int code = cl.execute("query", "controller-at", "--endpoint", server.datasetUrl() + "/query",
                "--param", "date=2020-01-30", "-f", "csv");
        assertThat(code).isZero();
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_CSV);
        assertThat(rs.getResultVars()).isEqualTo(columns);
        List<List<String>> cli = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                row.add(s.contains(c) ? (s.get(c).isLiteral() ? s.getLiteral(c).getLexicalForm() : s.get(c).toString()) : "");
            }
            cli.add(row);
        }
        assertThat(page).isNotEmpty().isEqualTo(cli);
        assertThat(driver.findElement(By.id("download-csv")).getAttribute("href")).contains("format=csv");
        assertThat(driver.findElement(By.id("download-geojson")).isDisplayed()).isTrue();
    }

    @Test
    void aSharedUrlRestoresTheDateAndTheSelection() {
        open("date=2020-01-28");
        clickMarker("Maarat al-Numan");
        waitFor(d -> "Maarat al-Numan".equals(d.findElement(By.cssSelector("#panel h2")).getText()));
        WebElement slider = driver.findElement(By.id("slider"));
        slider.sendKeys(Keys.ARROW_RIGHT);
        waitFor(d -> d.getCurrentUrl().contains("date=2020-01-29"));
        String shared = driver.getCurrentUrl();
        assertThat(shared).contains("sel=" + URLEncoder.encode(ExampleStore.MAARAT, StandardCharsets.UTF_8));

        driver.get("about:blank");
        driver.get(shared);
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.id("date")).getAttribute("value")).isEqualTo("2020-01-29");
        waitFor(d -> "Maarat al-Numan".equals(d.findElement(By.cssSelector("#panel h2")).getText()));
        assertThat(marker("Maarat al-Numan").getAttribute("class")).contains("selected");
        assertThat(colour(marker("Maarat al-Numan"))).isEqualTo(legendColour("government"));
        // the period holding the day is the highlighted one
        assertThat(driver.findElement(By.cssSelector("#panel .period.now")).getAttribute("data-side")).isEqualTo("government");
        assertThat(URI.create(shared).getFragment()).contains("at=");
    }

    /** The map's centre and zoom, from the address ({@code at=LAT,LON,ZOOM}). */
    double[] at() {
        String at = null;
        for (String kv : URI.create(driver.getCurrentUrl()).getFragment().split("&")) {
            if (kv.startsWith("at=")) at = kv.substring(3);
        }
        assertThat(at).as("at= in " + driver.getCurrentUrl()).isNotNull();
        String[] p = at.split(",");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])};
    }

    static int features(String file) throws Exception {
        try (var in = MapPageBrowserTest.class.getClassLoader().getResourceAsStream("org/conflictkg/server/web/" + file)) {
            return new ObjectMapper().readTree(in).get("features").size();
        }
    }

    /** Whether a boundary of the first-level layer is drawn in the view (Leaflet leaves those outside it empty). */
    static boolean admin1Drawn(WebDriver d) {
        return d.findElements(By.cssSelector("path.admin1")).stream().anyMatch(p -> {
            String path = p.getAttribute("d");
            return path != null && path.length() > 20;
        });
    }

    @Test
    void theBasemapIsTheWorldWithFirstLevelBoundariesAndNamesWhenZoomedIn() throws Exception {
        // no position in the address: the view fits the day's places, in Idlib province
        open("date=2020-01-30");
        // (the world first, until the day's places are read)
        waitFor(d -> d.getCurrentUrl().contains("at=") && at()[2] >= 6);
        double[] at = at();
        assertThat(at[0]).as("latitude").isBetween(34.0, 37.5);
        assertThat(at[1]).as("longitude").isBetween(35.5, 39.0);
        // every country of the bundled file is drawn, and the first-level boundaries and names
        int countries = features("countries.geojson");
        waitFor(d -> d.findElements(By.cssSelector("path.country")).size() == countries);
        waitFor(MapPageBrowserTest::admin1Drawn);
        waitFor(d -> !d.findElements(By.cssSelector(".admin1-name[data-name='Idlib'][data-country='SYR']")).isEmpty());
        // names and boundaries lie under the markers: Saraqeb's marker still takes the click
        clickMarker("Saraqeb");
        waitFor(d -> "Saraqeb".equals(d.findElement(By.cssSelector("#panel h2")).getText()));

        // zoomed out past the first-level zoom, only the countries
        WebElement zoomOut = driver.findElement(By.cssSelector(".leaflet-control-zoom-out"));
        waitFor(d -> {
            if (at()[2] <= 4) return true;
            if (!zoomOut.getAttribute("class").contains("disabled")) zoomOut.click();
            return false;
        });
        waitFor(d -> d.findElements(By.cssSelector("path.admin1")).isEmpty()
                && d.findElements(By.cssSelector(".admin1-name")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("path.country"))).hasSize(countries);

        // far from the example's war: a view on Sudan shows Sudan's provinces
        driver.get("about:blank");
        open("date=2020-01-30&at=15.5,31.5,7");
        waitFor(MapPageBrowserTest::admin1Drawn);
        waitFor(d -> d.findElements(By.cssSelector(".admin1-name[data-country='SDN']")).size() >= 3);
        assertThat(driver.findElements(By.cssSelector(".admin1-name[data-country='SYR']"))).as("names out of view").isEmpty();
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) severe.add(e.getLevel() + " " + e.getMessage());
        }
        assertThat(severe).as("console errors and warnings").isEmpty();
    }

    @Test
    void theFusekiUiWorksUnderItsPathAndOffersNoWritesOnAReadOnlyServer() {
        driver.get(base + "ui/#/dataset/kg/query");
        waitFor(d -> !d.findElements(By.cssSelector("a[href$='/query']")).isEmpty());
        // the UI found the dataset through /ui/$/server and lists its tabs, without the write ones
        waitFor(d -> d.findElements(By.cssSelector("a[href$='/info']")).stream().anyMatch(WebElement::isDisplayed));
        assertThat(driver.findElements(By.cssSelector("a[href$='/upload'], a[href$='/edit']")))
                .as("write tabs").noneMatch(WebElement::isDisplayed);
    }

    /** The README's picture: the panel of Saraqeb on the day of the imminent capture. */
    void screenshot() throws Exception {
        Path target = Path.of("target", "screenshots", "map.png");
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        String copy = System.getProperty("map.screenshot");
        if (copy != null && !copy.isBlank()) {
            Files.createDirectories(Path.of(copy).toAbsolutePath().getParent());
            Files.copy(target, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
