package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Evidence;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.FactsReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The review page in a real headless browser (Debian's chromium through chromedriver), over a
 * review folder holding the fixture article: accept one fact, reject one, edit a date, add a
 * figure by selecting its words, accept the rest and mark the article reviewed; the saved
 * document must read and differ from the draft by exactly those changes. Skipped when
 * chromedriver is missing, unless CI is set ({@code .ci/run} installs it).
 *
 * <p>The run also writes a screenshot to {@code target/screenshots/review.png}; with
 * {@code -Dreview.screenshot=docs/img/review.png} it is copied there too.
 */
class ReviewPageBrowserTest {
    static final String MISSED = "about 3,000 people fled";

    @TempDir
    static Path tmp;
    static Path dir;
    static ReviewServer server;
    static ChromeDriverService service;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        boolean present = new File(MapPageBrowserTest.CHROMEDRIVER).canExecute()
                && new File(MapPageBrowserTest.CHROMIUM).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI: " + MapPageBrowserTest.CHROMEDRIVER + " and "
                        + MapPageBrowserTest.CHROMIUM + " must be installed (apt-get install chromium chromium-driver)");
            }
            assumeTrue(false, "no chromedriver at " + MapPageBrowserTest.CHROMEDRIVER + "; browser tests skipped");
        }
        dir = tmp.resolve("review");
        ReviewFolder folder = ReviewFolderTest.fixtureFolder(dir).reviewer("desk-7").build();
        folder.add("tel-qasr-b", Files.readString(ReviewFolderTest.FIXTURE.resolve("tel-qasr.draft.json")), null);
        server = ReviewServer.create(folder).port(0).build().start();
        service = BrowserLib.service();
        driver = BrowserLib.driver(service, tmp.resolve("chrome"), false);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
        if (server != null) server.close();
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        BrowserLib.waitFor(driver, condition);
    }

    int saves() {
        String s = driver.findElement(By.tagName("body")).getAttribute("data-saves");
        return s == null ? 0 : Integer.parseInt(s);
    }

    /** Runs {@code action}, then waits until the page has saved once more, successfully. */
    void andSaved(Runnable action) {
        int before = saves();
        action.run();
        waitFor(d -> saves() > before || "error".equals(d.findElement(By.tagName("body")).getAttribute("data-save-state")));
        assertThat(driver.findElement(By.id("save-status")).getText()).startsWith("Saved");
    }

    WebElement fact(String id) {
        return driver.findElement(By.cssSelector("#facts .fact[data-id='" + id + "']"));
    }

    void key(CharSequence k) {
        new Actions(driver).sendKeys(k).perform();
    }

    /** Selects the words {@code words} of the article text with a DOM Range, as a mouse would. */
    void selectWords(String words) {
        ((JavascriptExecutor) driver).executeScript(
                "const box = document.getElementById('text');"
                + "const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);"
                + "for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
                + "  const i = n.data.indexOf(arguments[0]);"
                + "  if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + arguments[0].length);"
                + "    const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
                + "    box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true})); return; } }"
                + "throw new Error('words not in one text node: ' + arguments[0]);", words);
    }

    @Test
    void acceptRejectEditAndAddThenTheSavedDocumentDiffersFromTheDraftByExactlyThose() throws Exception {
        driver.get(server.url());
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.getCurrentUrl()).as("the token leaves the address").doesNotContain("token");
        assertThat(driver.findElement(By.id("progress")).getText()).isEqualTo("0 of 2 reviewed");
        assertThat(driver.findElement(By.id("article-pos")).getText()).isEqualTo("Article 1 of 2");
        assertThat(driver.findElements(By.cssSelector("#facts .fact"))).hasSize(9);
        assertThat(driver.findElements(By.cssSelector("#text .ev"))).isNotEmpty();

        // Selecting a fact highlights its words; selecting words shows their facts.
        fact("tel-qasr-taken").findElement(By.className("label")).click();
        assertThat(driver.findElement(By.cssSelector("#text .ev.current")).getText())
                .isEqualTo("Government forces took control of Tel Qasr on Wednesday");
        selectWords("14 civilians");
        assertThat(fact("civilians-killed").getAttribute("class")).contains("hit");
        assertThat(driver.findElement(By.id("selection-info")).getText()).contains("1 fact here");

        // Sorting by confidence puts the least sure first.
        new Select(driver.findElement(By.id("sort"))).selectByValue("conf-asc");
        assertThat(driver.findElement(By.cssSelector("#facts .fact")).getAttribute("data-id")).isEqualTo("tel-qasr-clashes");
        new Select(driver.findElement(By.id("sort"))).selectByValue("doc");

        andSaved(() -> fact("civilians-killed").findElement(By.className("do-accept")).click());
        andSaved(() -> fact("tel-qasr-clashes").findElement(By.className("do-reject")).click());
        assertThat(fact("tel-qasr-clashes").getAttribute("data-decision")).isEqualTo("rejected");

        fact("tel-qasr-taken").findElement(By.className("label")).click();
        key("e");
        WebElement date = driver.findElement(By.cssSelector("#editor-fields input[name='date']"));
        assertThat(date.getAttribute("value")).isEqualTo("2021-03-10");
        date.clear();
        date.sendKeys("2021-03-11");
        andSaved(() -> driver.findElement(By.id("editor-apply")).click());

        fact("tel-qasr-taken").findElement(By.className("label")).click();
        screenshot();

        selectWords(MISSED);
        driver.findElement(By.id("add-figure")).click();
        WebElement measure = driver.findElement(By.cssSelector("#editor-fields input[name='measure']"));
        measure.clear();
        measure.sendKeys("displaced");
        assertThat(driver.findElement(By.cssSelector("#editor-fields input[name='value']")).getAttribute("value"))
                .isEqualTo("3000");
        new Select(driver.findElement(By.cssSelector("#editor-fields select[name='qualifier']"))).selectByValue("about");
        andSaved(() -> driver.findElement(By.id("editor-apply")).click());

        driver.findElement(By.id("text")).click();
        andSaved(() -> key("A"));
        andSaved(() -> key("d"));
        waitFor(d -> d.findElement(By.id("progress")).getText().equals("1 of 2 reviewed"));

        // The saved document reads, and differs from the draft by exactly the four changes.
        Path saved = dir.resolve("tel-qasr.json");
        ArticleFacts facts = FactsReader.read(saved);
        assertThat(facts.review().reviewer()).isEqualTo("desk-7");
        assertThat(facts.review().draft()).isEqualTo("tel-qasr.draft.json");
        ObjectNode actual = (ObjectNode) ReviewFolder.MAPPER.readTree(Files.readString(saved));
        actual.remove("review");
        ObjectNode expected = (ObjectNode) ReviewFolder.MAPPER.readTree(Files.readString(dir.resolve("tel-qasr.draft.json")));
        ((ArrayNode) expected.get("events")).remove(1);
        ((ObjectNode) expected.get("events").get(0)).put("date", "2021-03-11");
        String body = facts.article().text();
        int start = body.codePointCount(0, body.indexOf(MISSED));
        ObjectNode added = ((ArrayNode) expected.get("figures")).addObject();
        added.put("id", "figure-1").put("measure", "displaced").put("value", 3000).put("qualifier", "about");
        added.putArray("evidence").addObject().put("quote", MISSED).put("start", start)
                .put("end", start + MISSED.codePointCount(0, MISSED.length()));
        assertThat((JsonNode) actual).isEqualTo(expected);

        // The added figure's offsets are the body's code points (an emoji before them counts once).
        Figure figure = facts.figures().get(1);
        Evidence ev = figure.evidence().get(0);
        int from = body.offsetByCodePoints(0, ev.start());
        int to = body.offsetByCodePoints(0, ev.end());
        assertThat(body.substring(from, to)).isEqualTo(MISSED).isEqualTo(ev.quote());
        assertThat(ev.start()).isEqualTo(body.indexOf(MISSED) - 1);

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();

        // Next article: a save the reader refuses (rejecting an actor that a control change still
        // names) keeps the change on the page and says why; undoing it saves.
        key("n");
        waitFor(d -> "tel-qasr-b".equals(d.findElement(By.tagName("body")).getAttribute("data-article"))
                && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.id("article-pos")).getText()).isEqualTo("Article 2 of 2");
        fact("rebels").findElement(By.className("do-reject")).click();
        waitFor(d -> "error".equals(d.findElement(By.tagName("body")).getAttribute("data-save-state")));
        assertThat(driver.findElement(By.id("save-status")).getText()).startsWith("Not saved:")
                .contains("/events/0/from").contains("rebels");
        assertThat(fact("rebels").getAttribute("data-decision")).isEqualTo("rejected");
        assertThat(driver.findElement(By.id("save-retry")).isDisplayed()).isTrue();
        assertThat(dir.resolve("tel-qasr-b.state")).doesNotExist();
        andSaved(() -> fact("rebels").findElement(By.className("do-accept")).click());

        // A reload resumes: the first article not reviewed, with its decisions.
        driver.get(server.baseUrl());
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-article")).isEqualTo("tel-qasr-b");
        assertThat(fact("rebels").getAttribute("data-decision")).isEqualTo("accepted");
        assertThat(driver.findElement(By.id("progress")).getText()).isEqualTo("1 of 2 reviewed");

        // A request without the token (a plain client, no cookie) gets 403.
        HttpResponse<String> anon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/article?name=tel-qasr")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anon.statusCode()).isEqualTo(403);
    }

    /** The picture of docs/review.md: a control change selected, its words highlighted. */
    static void screenshot() throws Exception {
        Path target = Path.of("target", "screenshots", "review.png");
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        String copy = System.getProperty("review.screenshot");
        if (copy != null && !copy.isBlank()) {
            Files.createDirectories(Path.of(copy).toAbsolutePath().getParent());
            Files.copy(target, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
