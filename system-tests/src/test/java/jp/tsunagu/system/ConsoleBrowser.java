package jp.tsunagu.system;

import jp.tsunagu.bench.Totp;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One person at the staff console in a real browser (Debian's chromium, headless, Japanese): signs in at her city's
 * realm, keeps a screenshot of every screen under {@code target/console-screens/}, and runs axe-core on every page
 * (no serious or critical violation of WCAG 2.x A/AA may remain).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENS = Path.of("target/console-screens");
    /** Installed by ./tsunagu test (npm), as Redocly is. */
    static final Path AXE = LocalSystem.ROOT.resolve(".tools/axe-core/node_modules/axe-core/axe.min.js");

    final WebDriver driver;
    private final String base;
    private final String who;

    ConsoleBrowser(String base, String who) throws Exception {
        this.driver = SignInSteps.browser();
        this.base = base;
        this.who = who;
        driver.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SCREENS);
    }

    /** Opens the city's console and signs in at its realm with a password (agency staff have no second factor). */
    ConsoleBrowser signIn(String municipality, String user, String password) {
        driver.get(base + "/" + municipality + "/");
        try {
            wait(30).until(d -> !d.findElements(By.id("username")).isEmpty());
            SignInSteps.signIn(driver, user, password);
            wait(30).until(d -> d.getCurrentUrl().startsWith(base + "/" + municipality));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("sign-in-failed");
            } catch (Exception ignored) {
                // the failure below says what matters
            }
            throw new AssertionError(user + " could not sign in: at " + driver.getCurrentUrl() + " ("
                    + driver.getTitle() + "): " + text(), e);
        }
        return this;
    }

    /**
     * Signs in a coordinator or analyst: password, then her authenticator app's code. At her first sign-in she enrols
     * the app, typing the key the page shows ({@code key[0]} is set); later ones type the app's code from it.
     */
    ConsoleBrowser signInWithSecondFactor(String municipality, String user, String password, byte[][] key)
            throws Exception {
        driver.get(base + "/" + municipality + "/");
        wait(30).until(d -> !d.findElements(By.id("username")).isEmpty());
        SignInSteps.signIn(driver, user, password);
        wait(30).until(d -> !d.findElements(By.id("mode-manual")).isEmpty() || !d.findElements(By.id("otp")).isEmpty());
        if (!driver.findElements(By.id("mode-manual")).isEmpty()) {
            driver.findElement(By.id("mode-manual")).click();
            key[0] = Totp.base32(driver.findElement(By.id("kc-totp-secret-key")).getText());
            driver.findElement(By.id("totp")).sendKeys(Totp.code(key[0], 0));
            driver.findElement(By.id("userLabel")).sendKeys("試験端末");
            driver.findElement(By.id("saveTOTPBtn")).click();
        } else {
            assertTrue(key[0] != null, user + " is asked for a code, but no app was enrolled by this test");
            // the code of the next step: the one just used to enrol may not be used twice
            driver.findElement(By.id("otp")).sendKeys(Totp.code(key[0], 1));
            driver.findElement(By.id("kc-login")).click();
        }
        try {
            wait(30).until(d -> d.getCurrentUrl().startsWith(base + "/" + municipality));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("sign-in-failed");
            throw new AssertionError(user + " could not sign in: at " + driver.getCurrentUrl() + ": " + text(), e);
        }
        return this;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(By by) {
        return wait(15).until(d -> d.findElement(by));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    <T> T waitFor(int seconds, Function<WebDriver, T> condition) {
        return wait(seconds).until(condition::apply);
    }

    private WebDriverWait wait(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.NoSuchElementException.class);
        // a live page (ホーム's inbox feed) may replace an element between finding it and reading it: look again
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves the screen as {@code target/console-screens/<who>-<name>.png}. */
    Path screenshot(String name) throws Exception {
        Path file = SCREENS.resolve(who + "-" + name + ".png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** A screenshot, then axe-core on the page: fails naming each serious or critical violation. */
    void check(String name) throws Exception {
        screenshot(name);
        assertTrue(Files.exists(AXE), "axe-core is not installed at " + AXE + ": run ./tsunagu test (it installs it)");
        script(Files.readString(AXE));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'wcag22aa']}}).then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,
                    help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}))
                  .catch(e => done({error: String(e)}));""");
        if (result.containsKey("error")) {
            fail("axe-core failed on " + name + ": " + result.get("error"));
        }
        List<String> serious = new ArrayList<>();
        for (Object o : (List<?>) result.get("violations")) {
            Map<?, ?> v = (Map<?, ?>) o;
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        assertTrue(serious.isEmpty(), name + " (" + driver.getCurrentUrl() + "): axe-core found " + serious);
    }

    /** At this window width, nothing needs scrolling sideways (375 px phones; 640 px is 1280 px at 200 % zoom). */
    void fitsWidth(int width, String name) throws Exception {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        try {
            screenshot(name + "-" + width + "px");
            Number scroll = (Number) script("return document.documentElement.scrollWidth;");
            Number inner = (Number) script("return window.innerWidth;");
            assertTrue(scroll.intValue() <= inner.intValue(), name + " at " + width + " px is " + scroll
                    + " px wide: it scrolls sideways");
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
