package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.ReconApplication;
import com.rcm.j3490.ops.RunHistory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import com.rcm.j3490.ops.OpsFixtures;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.util.FileSystemUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server on a random port (the console profile, the real operations) and one headless
 * Chromium per test class (it takes seconds to start), with what a test does in it: sign in,
 * submit a form, act on a run, wait for a run's status, take a screenshot. Each subclass names
 * its own job repository and inputs with {@code ConsoleFixtures.register} in a
 * {@code @DynamicPropertySource} of its own.
 */
@SpringBootTest(classes = ReconApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(ConsoleCommand.PROFILE)
abstract class ConsoleInBrowser {
    static final Path DOWNLOADS = Path.of("target/console-db/browser-downloads").toAbsolutePath();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired JobRepository jobRepository;
    @Autowired RunHistory history;
    @Autowired AuditLog audit;

    private static HeadlessChromium chromium;
    WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(DOWNLOADS);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void signedOut() {
        browser = chromium.driver();
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(ConsoleFixtures.PASSWORD);
        submit();
    }

    /**
     * Submits the page's form and waits until the browser is on the page it leads to (every form
     * here ends on another address: a POST is answered by a redirect).
     */
    void submit() {
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (before.equals(browser.getCurrentUrl()) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(browser.getCurrentUrl()).as("the form led to another page").isNotEqualTo(before);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String page() {
        return browser.findElement(By.tagName("body")).getText();
    }

    void act(LocalDate runDate, String button) {
        browser.get(url("/runs/" + runDate));
        browser.findElement(By.linkText(button)).click();
        submit();
    }

    /** The whole page: the window is made as tall as the page first. */
    void screenshot(Path file) throws IOException {
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1360, Math.max(600, ((Number) height).intValue() + 20)));
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1360, 900));
    }

    /** Waits until the date's run page shows the status (the page reloads itself while the console runs it). */
    void waitForPage(LocalDate runDate, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!browser.getCurrentUrl().equals(url("/runs/" + runDate))) {
                browser.get(url("/runs/" + runDate));
            }
            try {
                if (!browser.findElements(By.cssSelector("section.run .status")).isEmpty()
                        && browser.findElement(By.cssSelector("section.run .status")).getText().equals(status)
                        && browser.findElements(By.cssSelector("p.flash[role=status]")).isEmpty()) {
                    return;
                }
            } catch (StaleElementReferenceException e) {
                // the page reloaded itself between finding the element and reading it: look again
            }
            sleep(250);
        }
        assertThat(page()).as("run " + runDate + " reached " + status).contains(status);
    }

    /** A form POST in the browser's session (its cookie), outside the browser: to see the status code. */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
