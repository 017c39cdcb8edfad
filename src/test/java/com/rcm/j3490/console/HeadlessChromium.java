package com.rcm.j3490.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver (packages chromium and chromium-driver; .ci/run installs
 * them), driven headless with a new empty profile and nothing that reaches the network on its
 * own. Paths can be changed with CHROMIUM_BIN and CHROMEDRIVER_BIN. The test is skipped, with
 * the reason, only when they are not installed.
 */
final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @param downloads where downloads are saved, without asking */
    static HeadlessChromium start(Path downloads) throws IOException {
        File browser = new File(env("CHROMIUM_BIN", "/usr/bin/chromium"));
        File chromedriver = new File(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue(browser.canExecute() && chromedriver.canExecute(), "browser test skipped: "
                + browser + " or " + chromedriver + " is not installed (apt-get install chromium chromium-driver; "
                + ".ci/run does it when apt-get is available)");
        Path profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1360,900", "--hide-scrollbars", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // an element looked for while its page is still arriving is waited for, not missed
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return new HeadlessChromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
