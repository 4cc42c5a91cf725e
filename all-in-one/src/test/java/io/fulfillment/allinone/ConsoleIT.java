package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static io.fulfillment.allinone.FulfillmentApi.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The ops console in a real headless Chromium, against the whole system: the gateway serves the page, the page signs
 * in with a development token and works through the gateway's API only. Screenshots of the views it passes through go
 * to {@code target/console-screenshots}, so a build leaves the checkout as it was; the {@code console.screenshots}
 * system property names another folder: {@code -Dconsole.screenshots=../docs/console} refreshes the ones the README
 * shows.
 */
@AllInOneTest
class ConsoleIT {

    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
    private static final int MAX_ORDERS_TO_OPEN_BREAKER = 8;

    private static ConfigurableApplicationContext gateway;
    private static ChromeDriver browser;

    /** On a failure: what the browser showed, next to the test reports. */
    @RegisterExtension
    static final TestExecutionExceptionHandler FAILURE_SCREENSHOT = (context, failure) -> {
        if (browser != null) {
            Path shot = Path.of("target", "failsafe-reports", "ConsoleIT-" + context.getDisplayName() + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            failure.addSuppressed(new AssertionError("The page at failure: " + shot.toAbsolutePath() + ", notice: "
                    + browser.findElement(By.id("notice")).getText()));
        }
        throw failure;
    };

    @LocalServerPort
    int backendPort;

    @Autowired
    ConfigurableApplicationContext backends;

    @Autowired
    RestClient.Builder restClient;

    private FulfillmentApi backendApi;
    private static ProductId keyboard;
    private static ProductId mouse;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        if (browser == null) {
            browser = Chromium.start();
            // no graceful shutdown: the board's event stream would hold the gateway open for its whole timeout
            gateway = FulfillmentApplication.startGateway(
                    backends, "--server.port=0", "--server.address=127.0.0.1", "--server.shutdown=immediate");
        }
        backendApi = new FulfillmentApi(restClient, backendPort);
        if (keyboard == null) {
            keyboard = backendApi.registerProduct("keyboard", "49.90", 100);
            mouse = backendApi.registerProduct("mouse", "19.90", 100);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
            gateway.close();
        }
    }

    @Test
    void placesAnOrderWatchesItConfirmLiveReadsItsTimelineAndReplaysAProjection() throws IOException {
        signInAsAdmin();
        markThePage();

        String orderId = placeOrder(Map.of(keyboard, 2, mouse, 1));

        waitUntil(STEP.plus(SETTLE), textToBe(statusOnBoard(orderId), "CONFIRMED"));
        assertThat(thePageWasNotReloaded()).isTrue();
        screenshot("orders");

        browser.findElement(By.cssSelector("#board tr[data-order-id='" + orderId + "'] a"))
                .click();
        waitUntil(
                STEP,
                presenceOfElementLocated(
                        By.cssSelector("#timeline-entries li[data-event-type='OrderConfirmedEvent']")));
        assertThat(text("#timeline-correlation")).startsWith("console-");
        assertThat(browser.findElements(By.cssSelector("#timeline-entries li.lane-inventory")))
                .isNotEmpty();
        screenshot("timeline");

        open("products");
        waitUntil(STEP, presenceOfElementLocated(By.xpath("//*[@id='product-table']//td[text()='" + keyboard + "']")));
        screenshot("products");

        open("processors");
        By replay = By.cssSelector("#processor-table tr[data-processor='order-summary'] button");
        waitUntil(STEP, visibilityOfElementLocated(replay)).click();
        By progress = By.cssSelector("#processor-table tr[data-processor='order-summary'] progress");
        waitUntil(SETTLE, attributeToBe(progress, "value", "100"));
        assertThat(text("#processor-table output[data-processor='order-summary']"))
                .isEqualTo("100 %");
        screenshot("processors");
    }

    @Test
    void rejectsTheNextOrderAndOpensTheBreakerDuringAPaymentProviderOutage() throws IOException {
        Instant outageBegins = Instant.now();
        try {
            signInAsAdmin();
            open("resilience");
            WebElement outage = waitUntil(STEP, visibilityOfElementLocated(By.name("outage")));
            if (!outage.isSelected()) {
                outage.click();
            }
            browser.findElement(By.cssSelector("#psp-form button[type='submit']"))
                    .click();
            waitUntil(STEP, textToBePresentInElementLocated(By.id("psp-result"), "outage ON"));

            open("orders");
            String rejected = placeOrder(Map.of(keyboard, 1));
            waitUntil(STEP.plus(SETTLE), textToBe(statusOnBoard(rejected), "REJECTED"));
            assertThat(text("#board tr[data-order-id='" + rejected + "'] .reason"))
                    .contains("PAYMENT_FAILED");

            for (int orders = 1; !breakerOpenedSince(outageBegins); orders++) {
                assertThat(orders)
                        .as("orders rejected without opening the breaker")
                        .isLessThan(MAX_ORDERS_TO_OPEN_BREAKER);
                open("orders");
                String next = placeOrder(Map.of(mouse, 1));
                waitUntil(STEP.plus(SETTLE), textToBe(statusOnBoard(next), "REJECTED"));
            }
            // the page shows the breaker's opening among its recent transitions (its current state may already have
            // moved on: in these tests it half-opens after 1 s)
            open("resilience");
            waitUntil(
                    STEP,
                    page ->
                            page
                                    .findElements(
                                            By.cssSelector("#breaker-transitions li[data-transition='CLOSED_TO_OPEN']"))
                                    .stream()
                                    .anyMatch(transition -> transition.getText().contains(" psp: ")));
            screenshot("resilience");

            open("timeline/" + rejected);
            waitUntil(
                    STEP,
                    presenceOfElementLocated(
                            By.cssSelector("#timeline-entries li.compensation[data-event-type='StockReleasedEvent']")));
            assertThat(browser.findElements(By.cssSelector("#timeline-entries li.refusal")))
                    .isNotEmpty();
            screenshot("timeline-compensation");

            // a reversal the provider could not make during the outage is parked in payment-reconciliation
            open("dead-letters");
            waitUntil(STEP, presenceOfElementLocated(By.cssSelector("#dead-letter-groups > *")));
            screenshot("dead-letters");
        } finally {
            closeTheBreakerAgain();
        }
    }

    private void signInAsAdmin() {
        browser.get(gatewayUrl() + "/console");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement form = waitUntil(STEP, visibilityOfElementLocated(By.id("sign-in-form")));
        form.findElement(By.name("username")).sendKeys("admin");
        form.findElement(By.name("password")).sendKeys("admin-demo");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitUntil(STEP, attributeToBe(By.id("board-live"), "data-state", "live"));
        waitUntil(STEP, presenceOfElementLocated(By.cssSelector("section#orders[data-ready]")));
    }

    /** Places an order through the form, as customer-ada, and returns the id the console reported. */
    private String placeOrder(Map<ProductId, Integer> quantities) {
        WebElement form = waitUntil(STEP, visibilityOfElementLocated(By.id("order-form")));
        quantities.keySet().forEach(product -> waitUntil(STEP, presenceOfElementLocated(By.name(product.toString()))));
        form.findElements(By.cssSelector("#order-lines input")).forEach(WebElement::clear);
        form.findElements(By.cssSelector("#order-lines input")).forEach(input -> input.sendKeys("0"));
        quantities.forEach((product, quantity) -> {
            WebElement input = form.findElement(By.name(product.toString()));
            input.clear();
            input.sendKeys(Integer.toString(quantity));
        });
        WebElement customer = form.findElement(By.name("customerId"));
        customer.clear();
        customer.sendKeys("customer-ada");
        WebElement result = browser.findElement(By.id("order-result"));
        String previous = result.getDomAttribute("data-order-id");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitUntil(STEP, driver -> {
            String reported = result.getDomAttribute("data-order-id");
            return reported != null && !reported.equals(previous);
        });
        return result.getDomAttribute("data-order-id");
    }

    /** Whether the resilience view, freshly opened, lists a transition of the payment breaker to open since then. */
    private boolean breakerOpenedSince(Instant since) {
        open("resilience");
        return browser
                .findElements(By.cssSelector("#breaker-transitions li[data-transition$='_TO_OPEN'] time"))
                .stream()
                .map(time -> Instant.parse(time.getDomAttribute("datetime")))
                .anyMatch(at -> at.isAfter(since));
    }

    private void closeTheBreakerAgain() {
        backendApi.resetPspFaults();
        await().atMost(SETTLE).until(() -> !pspBreakerState().equals("OPEN"));
        if (!pspBreakerState().equals("CLOSED")) {
            // a half-open breaker closes after its trial calls succeed: two orders, one after the other
            for (int i = 0; i < 2; i++) {
                OrderId orderId = backendApi.placeOrder("customer-ada", Map.of(keyboard, 1), DELIVERABLE_ADDRESS);
                backendApi.awaitStatus(orderId, OrderStatus.CONFIRMED);
            }
        }
        await().atMost(SETTLE).until(() -> pspBreakerState().equals("CLOSED"));
    }

    private String pspBreakerState() {
        return backendApi
                .actuator("circuitbreakers")
                .at("/circuitBreakers/psp/state")
                .asText();
    }

    /** Opens a view (a fragment change, not a page load) and waits until it has loaded. */
    private void open(String view) {
        browser.get(gatewayUrl() + "/console#" + view);
        String section = view.split("/")[0];
        waitUntil(STEP, presenceOfElementLocated(By.cssSelector("section#" + section + "[data-ready]")));
    }

    private By statusOnBoard(String orderId) {
        return By.cssSelector("#board tr[data-order-id='" + orderId + "'] .status");
    }

    private void markThePage() {
        ((JavascriptExecutor) browser).executeScript("window.consoleTestMarker = true");
    }

    private boolean thePageWasNotReloaded() {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.consoleTestMarker === true"));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private <T> T waitUntil(
            Duration timeout, java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(100)).until(condition);
    }

    /** The whole page, as tall as its content, into the screenshots folder. */
    private void screenshot(String name) throws IOException {
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage()
                .window()
                .setSize(new Dimension(1366, Math.min(2400, Math.max(700, ((Number) height).intValue() + 120))));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    private String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.getEnvironment().getRequiredProperty("local.server.port");
    }
}
