package jp.tsunagu.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import static jp.tsunagu.system.LocalRunSystemTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff console as agency workers use it, in real browsers against the running system and its Keycloak: one
 * refers an 8050 household through the form (a 和暦 birth date, errors first, then a double click on 送信); the
 * agency it is routed to sees it on ホーム without reloading, accepts it with the keyboard alone and reads the
 * person; the referrer sees 受入 in her list; a third agency's worker is shown a Japanese 404 for the case. axe-core
 * runs on every page visited; screenshots are kept under {@code target/console-screens/}.
 */
@ExtendWith(RunningSystem.class)
class ConsoleSystemTest {

    static final String KURUME = "402036";
    /** The referrer, the agency the case goes to (its area 篠山, elderly field alone), and one it does not. */
    static final String REFERRER = "staff-kurume-houkatsu-02";
    static final String RECEIVER = "staff-kurume-houkatsu-01";
    static final String OTHER = "staff-kurume-houkatsu-03";

    static String base;
    static IdentityProvider idp;

    @BeforeAll
    static void console() throws Exception {
        base = "http://127.0.0.1:" + run("port", "console").trim();
        idp = IdentityProvider.of(LocalSystem.SINGLE);
    }

    ConsoleBrowser signedIn(String user) throws Exception {
        return new ConsoleBrowser(base, user).signIn(KURUME, user, idp.password(KURUME, user));
    }

    @Test
    void aReferralIsMadeSeenLiveAcceptedAndReadAndAnotherAgencyCannotOpenIt() throws Exception {
        try (ConsoleBrowser referrer = signedIn(REFERRER); ConsoleBrowser receiver = signedIn(RECEIVER);
             ConsoleBrowser other = signedIn(OTHER)) {
            referrer.check("home");
            referrer.open("/" + KURUME + "/referrals");
            int sentBefore = rows(referrer);

            receiver.check("home");
            // a mark on the page: still there later means the page was never reloaded
            receiver.script("window.tsunaguMark = 'not reloaded';");

            // the form, first with mistakes: every error beside its field at once, nothing typed lost
            referrer.open("/" + KURUME + "/refer");
            referrer.check("refer");
            referrer.fitsWidth(375, "refer");
            referrer.fitsWidth(640, "refer");
            referrer.find(By.id("f-person-nameKana")).sendKeys("くるめ はなこ");
            // sent with the keyboard: Enter in a field submits the form
            referrer.find(By.id("f-person-birthDate")).sendKeys("昭和17年13月1日", Keys.ENTER);
            referrer.find(By.id("error-summary"));
            referrer.check("refer-errors");
            assertTrue(referrer.find(By.id("e-person-name")).isDisplayed(), "the name's error beside it");
            assertTrue(referrer.find(By.id("e-person-birthDate")).isDisplayed(), "the birth date's error beside it");
            assertTrue(referrer.find(By.id("e-concerns")).isDisplayed(), "no concern chosen: said beside them");
            assertEquals("true", referrer.find(By.id("f-person-birthDate")).getDomAttribute("aria-invalid"));
            assertEquals("くるめ はなこ", referrer.find(By.id("f-person-nameKana")).getDomProperty("value"),
                    "what she typed is still there");

            // corrected, as an office writes it: a 和暦 birth date; the household of an 80-year-old and her son
            referrer.find(By.id("f-person-name")).sendKeys("久留米 花子");
            WebElement birth = referrer.find(By.id("f-person-birthDate"));
            birth.clear();
            birth.sendKeys("昭和17年5月1日");
            new Select(referrer.find(By.id("f-person-area"))).selectByVisibleText("篠山");
            new Select(referrer.find(By.id("f-household-0-relation"))).selectByValue("CHILD");
            referrer.find(By.id("f-household-0-age")).sendKeys("５２");
            check(referrer, "concerns", "DEMENTIA");
            check(referrer, "concerns", "ELDER_CARE");
            check(referrer, "consent", "GIVEN");
            referrer.find(By.id("f-summary")).sendKeys("長男（52）と二人暮らし。長男は就労しておらず、母の年金で生活。");
            new Actions(referrer.driver).doubleClick(referrer.find(By.cssSelector("main button[type=submit]"))).perform();
            referrer.waitFor(30, d -> d.getCurrentUrl().contains("/cases/"));
            String caseUrl = referrer.driver.getCurrentUrl();
            String caseId = caseUrl.replaceAll("^.*/cases/([^/?]+).*$", "$1");
            String caseNumber = referrer.find(By.cssSelector("h1 .case-number")).getText();
            assertTrue(caseNumber.matches("R\\d+-\\d{6}"), "a 受付番号 people can read: " + caseNumber);
            referrer.check("case-sent");

            // one case, however many clicks
            referrer.open("/" + KURUME + "/referrals");
            assertEquals(sentBefore + 1, rows(referrer), "a double click made one referral");

            // the receiving agency: on ホーム without reloading, by the inbox feed
            receiver.waitFor(90, d -> d.findElement(By.id("home-sections")).getText().contains(caseNumber));
            assertEquals("not reloaded", receiver.script("return window.tsunaguMark;"), "ホーム was not reloaded");
            receiver.check("home-live");
            receiver.find(By.partialLinkText(caseNumber)).click();
            // intake learns of the routing from the event log: the page waits for it, and past its wait asks her to
            // reload (案件の情報を反映しています), as she would
            receiver.waitFor(60, d -> {
                if (!d.findElements(By.id("h-answer")).isEmpty()) {
                    return true;
                }
                if (d.findElement(By.tagName("h1")).getText().equals("案件の情報を反映しています")) {
                    d.navigate().refresh();
                }
                return false;
            });
            receiver.check("case-to-answer");
            receiver.fitsWidth(375, "case");

            // accepted with the keyboard alone: Tab to 受理する, Enter
            receiver.find(By.tagName("body")).click();
            WebElement focused = null;
            for (int i = 0; i < 80; i++) {
                new Actions(receiver.driver).sendKeys(Keys.TAB).perform();
                focused = receiver.driver.switchTo().activeElement();
                if ("受理する".equals(focused.getText())) {
                    break;
                }
            }
            assertEquals("受理する", focused.getText(), "受理する is reached with Tab");
            new Actions(receiver.driver).sendKeys(Keys.ENTER).perform();
            receiver.waitFor(30, d -> d.getCurrentUrl().contains("answered=accepted"));
            receiver.check("case-accepted");

            // and reads the person (consent given): her 和暦 birth date as written, read back
            receiver.find(By.linkText("本人情報を表示")).click();
            receiver.waitFor(15, d -> d.getCurrentUrl().endsWith("/person"));
            String person = receiver.text();
            assertTrue(person.contains("久留米 花子") && person.contains("昭和17年5月1日"), person);
            receiver.check("person");

            // the referrer sees 受入 in her list
            referrer.open("/" + KURUME + "/referrals");
            referrer.waitFor(60, d -> {
                d.navigate().refresh();
                return rowOf(d.findElement(By.tagName("tbody")).getText(), caseNumber).contains("受入");
            });
            referrer.check("referrals-accepted");

            // a third agency: the case is not hers; the service's 404, as a Japanese page
            other.open("/" + KURUME + "/cases/" + caseId);
            assertEquals("この案件は表示できません", other.find(By.tagName("h1")).getText());
            assertFalse(other.text().contains("久留米 花子"));
            other.check("case-not-visible");
            other.open("/" + KURUME + "/cases/" + caseId + "/person");
            assertEquals("この案件は表示できません", other.find(By.tagName("h1")).getText());
        }
    }

    @Test
    void formsNeedTheSessionsTokenAndPagesAreNeverStored() throws Exception {
        try (ConsoleBrowser worker = signedIn(REFERRER)) {
            worker.open("/" + KURUME + "/refer");
            worker.find(By.id("f-person-name"));
            String cookies = worker.driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            for (Cookie c : worker.driver.manage().getCookies()) {
                if (c.getName().startsWith("q_session")) {
                    assertTrue(c.isHttpOnly(), c.getName() + " is HttpOnly");
                    assertEquals("Lax", c.getSameSite(), c.getName() + " is SameSite=Lax");
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/" + KURUME + "/refer"))
                    .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);

            String form = "person.name=%E8%A9%A6%E9%A8%93&person.area=%E7%AF%A0%E5%B1%B1&concerns=DEMENTIA"
                    + "&consent=GIVEN&urgency=ROUTINE&channel=AGENCY&idempotencyKey=csrf-probe";
            // without the form's token: refused, nothing sent to intake
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/" + KURUME + "/refer"))
                    .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode(), forged.body());
            assertTrue(forged.body().contains("送信を受け付けられませんでした"), forged.body());
            // from another site's page, even with a token: refused before it is read
            HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(base + "/" + KURUME
                            + "/refer")).header("Cookie", cookies).header("Origin", "https://evil.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, crossSite.statusCode());

            // signing out ends the session at the provider too: the next page asks for the password again
            worker.find(By.linkText("サインアウト")).click();
            worker.waitFor(30, d -> d.getCurrentUrl().contains("/" + KURUME + "/signed-out"));
            assertEquals("サインアウトしました", worker.find(By.tagName("h1")).getText());
            worker.check("signed-out");
            worker.open("/" + KURUME + "/");
            worker.find(By.id("username"));
        }
    }

    @Test
    void aServiceDownIsNamedInJapaneseAndTheFormKeepsWhatWasTyped() throws Exception {
        try (ConsoleBrowser worker = signedIn(REFERRER)) {
            worker.open("/" + KURUME + "/refer");
            worker.find(By.id("f-person-name")).sendKeys("停止 確認");
            worker.find(By.id("f-person-age")).sendKeys("81");
            new Select(worker.find(By.id("f-person-area"))).selectByVisibleText("京町");
            check(worker, "concerns", "DEMENTIA");
            LocalSystem.SINGLE.terminate("intake-service");
            try {
                worker.find(By.cssSelector("main button[type=submit]")).click();
                worker.waitFor(30, d -> d.findElement(By.tagName("body")).getText().contains("送信できませんでした"));
                assertTrue(worker.text().contains("受付・案件サービス（intake-service）に接続できません"), worker.text());
                assertEquals("停止 確認", worker.find(By.id("f-person-name")).getDomProperty("value"));
                assertEquals("81", worker.find(By.id("f-person-age")).getDomProperty("value"));
                worker.check("refer-intake-down");
                worker.open("/" + KURUME + "/");
                assertTrue(worker.find(By.id("home-sections")).getText().contains("に接続できないため表示できません"),
                        "ホーム shows what it can and names what it cannot");
                worker.check("home-intake-down");
            } finally {
                run("restart", "intake-service");
            }
        }
    }

    @Test
    void signingInWhileTheIdentityProviderIsDownIsAJapanesePageAndWorksOnceItIsBack() throws Exception {
        LocalSystem.SINGLE.terminate("idp");
        try (ConsoleBrowser newcomer = new ConsoleBrowser(base, "idp-down")) {
            newcomer.open("/" + KURUME + "/");
            assertEquals("サインインできません", newcomer.find(By.tagName("h1")).getText());
            assertTrue(newcomer.text().contains("サインイン（認証基盤）に接続できません"), newcomer.text());
            newcomer.check("identity-provider-down");
        } finally {
            run("up"); // starts what is not running: the identity provider
        }
        try (ConsoleBrowser worker = signedIn(REFERRER)) {
            assertEquals("ホーム", worker.find(By.tagName("h1")).getText());
        }
    }

    private static void check(ConsoleBrowser b, String name, String value) {
        WebElement box = b.find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static int rows(ConsoleBrowser b) {
        List<WebElement> rows = b.driver.findElements(By.cssSelector("tbody tr"));
        return rows.size();
    }

    private static String rowOf(String table, String caseNumber) {
        for (String line : table.split("\n")) {
            if (line.contains(caseNumber)) {
                return line;
            }
        }
        return "";
    }
}
