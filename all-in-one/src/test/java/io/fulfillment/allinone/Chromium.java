package io.fulfillment.allinone;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium and its chromedriver for the browser test, installed on first use where that is possible: the
 * script {@code src/test/browser/install-chromium.sh} installs Debian's {@code chromium} and {@code chromium-driver}
 * when the build runs as root with apt-get (a fresh CI machine). Anywhere else a missing browser skips the test with
 * the reason. {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN} name other executables.
 */
final class Chromium {

    private static final Path INSTALL_SCRIPT = Path.of("src/test/browser/install-chromium.sh");
    private static final int CANNOT_INSTALL = 3;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private Chromium() {}

    /** A headless Chromium, or a skipped test when none is installed and none can be. */
    static ChromeDriver start() throws IOException, InterruptedException {
        if (browser().isEmpty() || driver().isEmpty()) {
            install();
        }
        Path browser = browser().orElseThrow();
        Path driver = driver().orElseThrow();
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1366,900",
                        "--force-device-scale-factor=1",
                        "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void install() throws IOException, InterruptedException {
        Path log = Files.createTempFile("install-chromium", ".log");
        Process process = new ProcessBuilder("bash", INSTALL_SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("installing Chromium took longer than " + INSTALL_TIMEOUT + ": " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        assumeTrue(process.exitValue() != CANNOT_INSTALL, "No Chromium for the browser test: " + output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("installing Chromium failed (" + process.exitValue() + "): " + output);
        }
    }

    private static Optional<Path> browser() {
        return find("CHROMIUM_BIN", List.of("chromium", "chromium-browser", "google-chrome"));
    }

    private static Optional<Path> driver() {
        return find("CHROMEDRIVER_BIN", List.of("chromedriver"));
    }

    private static Optional<Path> find(String variable, List<String> names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return names.stream()
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
