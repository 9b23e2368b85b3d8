package dev.patchtrack.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Database;
import dev.patchtrack.support.RealArchives;
import dev.patchtrack.support.RealMail;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs when missing) on real linux-kbuild mail. It
 * loads every page, checks what it shows against the API, follows a filter, a link and the Message-ID
 * form, and keeps a screenshot of each page under {@code target/screenshots/}.
 */
@QuarkusTest
@Order(3) // shares its import of the real archives: support.RealArchives
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @Inject
    Database database;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start() {
        assertThat(CHROMIUM).as("headless Chromium: apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(DRIVER).as("its driver: apt-get install -y chromium-driver").isExecutable();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--lang=en", "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Keeps what the browser shows, the whole page tall, as {@code target/screenshots/NAME.png}. */
    static void screenshot(String name) throws IOException {
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(8000, Math.max(800, height))));
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        assertThat(png).hasSizeGreaterThan(1000);
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void everyPageInABrowser() throws IOException {
        RealArchives.hold(database, RealMail.Archive.KBUILD);
        JsonPath all = given().get("/api/series").jsonPath();

        // the list, as the API lists it
        open("/");
        assertThat(browser.getTitle()).isEqualTo("series · patchtrack");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo(all.getString("total"));
        List<String> titles = browser.findElements(By.cssSelector("table.series a.title")).stream()
                .map(WebElement::getText).toList();
        assertThat(titles).isEqualTo(all.getList("items.title").stream().map(t -> ((String) t).strip()).toList());
        screenshot("series-list");

        // a filter, chosen in the form
        String topic = all.getString("items[0].topics[0].topic");
        new Select(browser.findElement(By.name("topic"))).selectByValue(topic);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("topic=" + topic));
        JsonPath filtered = given().queryParam("topic", topic).get("/api/series").jsonPath();
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo(filtered.getString("total"));
        assertThat(browser.findElement(By.cssSelector("a.feed")).getAttribute("href"))
                .endsWith("/feeds/series.atom?topic=" + topic);
        screenshot("series-list-filtered");

        // a link: the series most revised
        JsonPath revised = given().queryParam("order", "-revisions").queryParam("per_page", 1).get("/api/series").jsonPath();
        long id = revised.getLong("items[0].id");
        open("/?order=-revisions&per_page=1");
        browser.findElement(By.cssSelector("table.series a.title")).click();
        waiting().until(ExpectedConditions.urlContains("/series/" + id));
        JsonPath series = given().get("/api/series/" + id).jsonPath();
        assertThat(browser.findElement(By.id("series-title")).getText()).isEqualTo(series.getString("title").strip());
        assertThat(browser.findElements(By.cssSelector("section.revision")))
                .hasSize(series.getList("revisions").size());
        assertThat(browser.findElement(By.cssSelector("section.revision .reason")).getText())
                .isEqualTo(series.getString("revisions[0].state.reason").strip());
        screenshot("series");

        // on to a patch's message, and back to its series
        browser.findElement(By.cssSelector("a.patch")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-subject")));
        assertThat(browser.findElement(By.id("message-subject")).getText())
                .isEqualTo(series.getString("revisions[0].patches[0].subject").strip());
        screenshot("message");
        browser.findElement(By.id("series-link")).click();
        waiting().until(ExpectedConditions.urlContains("/series/" + id));

        // a Message-ID pasted into the form, angle brackets and all
        String cover = series.getString("revisions[-1].coverLetter.messageId");
        String mid = cover != null ? cover : series.getString("revisions[-1].patches[0].messageId");
        WebElement paste = browser.findElement(By.name("id"));
        paste.sendKeys("<" + mid + ">");
        paste.submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-subject")));
        assertThat(browser.findElement(By.cssSelector("code")).getText()).isEqualTo(mid);

        // an unknown one is a page that says so
        open("/messages/no-such-message@example.org");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("404 Not found");
        assertThat(browser.findElement(By.cssSelector("p.problem")).getText()).contains("no-such-message@example.org");
        screenshot("not-found");

        // the plots are drawn without script
        open("/stats");
        assertThat(browser.findElements(By.cssSelector("section.plot svg"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#weekly svg polyline"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#v1-to-accepted svg rect"))).isNotEmpty();
        screenshot("stats");

        open("/articles");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("LWN articles");
        screenshot("articles");
        open("/sources");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Sources");
        screenshot("sources");
    }
}
