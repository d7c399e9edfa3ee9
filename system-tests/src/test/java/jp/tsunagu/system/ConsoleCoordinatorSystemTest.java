package jp.tsunagu.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static jp.tsunagu.system.LocalRunSystemTest.refer;
import static jp.tsunagu.system.LocalRunSystemTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff console as a city coordinator uses it, in a real browser against the running system and its Keycloak:
 * she signs in with her password and her authenticator app, finds a man referred twice by two agencies by the kana of
 * his name (hiragana typed, katakana stored, the 長音 written the other way), compares the two cases and confirms they
 * are one person; schedules an ad-hoc 重層的支援会議 for the case, opens its pack, records minutes that make a
 * 多機関協働プラン with his wish, goals, review date and roles, corrects one review, prints the 議事録; opens the plan
 * and reads the wish she typed once, revises and closes it; the year table counts the plan. A meeting member who is
 * not a 支援会議's member cannot open its page. axe-core runs on every page; screenshots under
 * {@code target/console-screens/}.
 */
@ExtendWith(RunningSystem.class)
class ConsoleCoordinatorSystemTest {

    static final String KURUME = "402036";
    static final String COORDINATOR = "coordinator";
    /** Two agencies that each meet the same man (an 8050 household: he is 52, his father 84 with dementia). */
    static final String FIRST_REFERRER = "kurume-houkatsu-02";
    static final String SECOND_REFERRER = "kurume-houkatsu-03";
    static final String REFERRAL = """
            {"channel":"AGENCY","receivedOn":"%s","person":{"name":"堤 次郎","nameKana":"ツツミ ジロウ",
             "birthDate":"1974-06-15","area":"荒木"},
             "household":[{"relation":"PARENT","age":84,"concerns":["DEMENTIA"]}],
             "concerns":["HIKIKOMORI","EIGHTY_FIFTY"],"consent":"GIVEN","urgency":"ROUTINE",
             "summary":"%s"}""";

    static final String WISH = "父と一緒に家で暮らし続けたい。いつか働きたい";

    static String base;
    static IdentityProvider idp;

    @BeforeAll
    static void console() throws Exception {
        base = "http://127.0.0.1:" + run("port", "console").trim();
        idp = IdentityProvider.of(LocalSystem.SINGLE);
        // whatever signed the coordinator in before, she enrols her app afresh here
        idp.removeOtp(KURUME, COORDINATOR);
    }

    static String systemToken(String agency) throws Exception {
        return idp.accessToken(idp.clientCredentials(KURUME, "agency-" + agency, idp.secret(KURUME, "agency-" + agency)));
    }

    @Test
    void aCoordinatorFindsAFamilyHoldsAMeetingRecordsAPlanTypedOnceAndCountsIt() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String first = refer(systemToken(FIRST_REFERRER), REFERRAL.formatted(today, "父の年金で暮らし、10年外出していない"));
        String second = refer(systemToken(SECOND_REFERRER), REFERRAL.formatted(today, "父の介護で相談。息子が家にいる"));
        byte[][] key = new byte[1][];
        // the year table's figure before: this test's plan must add one
        int fiscalYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        int[] plansBefore = plansMade(fiscalYear);
        try (ConsoleBrowser coordinator = new ConsoleBrowser(base, COORDINATOR)) {
            coordinator.signInWithSecondFactor(KURUME, COORDINATOR, idp.password(KURUME, COORDINATOR), key);
            assertTrue(key[0] != null, "her first sign-in enrolled an authenticator app");
            coordinator.check("home");

            // 本人検索: kanji is refused with a reason; hiragana with the 長音 written as ー finds the katakana ジロウ
            coordinator.open("/" + KURUME + "/search");
            coordinator.find(By.id("f-nameKana")).sendKeys("堤 次郎", Keys.ENTER);
            assertTrue(coordinator.find(By.id("e-nameKana")).getText().contains("ふりがな"),
                    "kanji instead of kana is said: " + coordinator.text());
            coordinator.check("search-kanji");
            WebElement kana = coordinator.find(By.id("f-nameKana"));
            kana.clear();
            kana.sendKeys("つつみ じろー", Keys.ENTER);
            coordinator.waitFor(15, d -> d.findElement(By.id("h-results")).isDisplayed());
            String found = coordinator.text();
            List<String> numbers = List.of(caseNumber(first), caseNumber(second));
            for (String n : numbers) {
                assertTrue(found.contains(n), n + " is found: " + found);
            }
            coordinator.check("search-found");
            // the surname alone finds him too
            kana = coordinator.find(By.id("f-nameKana"));
            kana.clear();
            kana.sendKeys("ツツミ", Keys.ENTER);
            coordinator.waitFor(15, d -> d.findElement(By.id("h-results")).isDisplayed());
            assertTrue(coordinator.text().contains(numbers.get(0)), "the surname alone: " + coordinator.text());

            // the second referral is a possible duplicate of the first: compared side by side, confirmed
            coordinator.find(By.cssSelector("a[href$='/cases/" + second + "/duplicate']")).click();
            coordinator.find(By.id("h-compare"));
            String compare = coordinator.text();
            assertTrue(compare.contains(numbers.get(0)) && compare.contains(numbers.get(1)), compare);
            coordinator.check("duplicate-compare");
            coordinator.find(By.id("confirm-duplicate")).click();
            coordinator.waitFor(30, d -> d.getCurrentUrl().contains("/cases/" + first));
            coordinator.check("duplicate-confirmed");
            assertTrue(coordinator.text().contains(numbers.get(1)), "the first case's history names the second "
                    + "referral: " + coordinator.text());

            // 会議: an ad-hoc 重層的支援会議 for this case, with when and where; its pack
            // held today: an ad-hoc meeting called at short notice, within this fiscal year's figures
            LocalDate meetingDay = today;
            coordinator.open("/" + KURUME + "/meetings");
            coordinator.check("calendar");
            coordinator.find(By.id("new-meeting")).click();
            new Select(coordinator.find(By.id("f-type"))).selectByValue("JUUSOU_SHIEN_KAIGI");
            typeDate(coordinator, "f-scheduledOn", meetingDay);
            typeTime(coordinator, "f-startsAt", "14:00");
            typeTime(coordinator, "f-endsAt", "15:30");
            coordinator.find(By.id("f-place")).sendKeys("久留米市役所 502会議室");
            tick(coordinator, "members", "kurume-houkatsu-01");
            tick(coordinator, "cases", first);
            coordinator.check("meeting-new");
            coordinator.find(By.id("schedule-meeting")).click();
            coordinator.waitFor(30, d -> d.getCurrentUrl().contains("done=scheduled"));
            String meetingUrl = coordinator.driver.getCurrentUrl().replaceAll("\\?.*$", "");
            String meeting = coordinator.text();
            assertTrue(meeting.contains("14:00") && meeting.contains("502会議室"), "when and where: " + meeting);
            assertTrue(meeting.contains(numbers.get(0)), "the case is on its agenda with its pack: " + meeting);
            coordinator.check("meeting");

            // the minutes, with the keyboard: held as planned, a 多機関協働プラン with his wish, goals, review date and roles
            coordinator.find(By.id("record-minutes")).click();
            coordinator.find(By.id("f-heldOn"));
            typeTime(coordinator, "f-startTime", "14:00");
            typeTime(coordinator, "f-endTime", "15:20");
            coordinator.find(By.id("f-chair")).sendKeys("久留米市 地域福祉課 調整担当");
            coordinator.find(By.id("f-attendees-0-name")).sendKeys("山田 花子");
            coordinator.find(By.id("f-attendees-0-agencyId")).sendKeys("地域包括支援センター（サンプル第1）");
            new Select(coordinator.find(By.id("f-reviews-0-caseId"))).selectByValue(first);
            coordinator.find(By.id("f-reviews-0-outcome")).sendKeys("プラン作成");
            coordinator.find(By.id("f-reviews-0-planType")).sendKeys("多機関協働プラン");
            coordinator.find(By.id("f-reviews-0-wish")).sendKeys(WISH);
            coordinator.find(By.id("f-reviews-0-goals")).sendKeys("週1回、包括の訪問を受け入れる");
            typeDate(coordinator, "f-reviews-0-reviewOn", meetingDay.plusMonths(3));
            coordinator.find(By.id("f-reviews-0-roles-0-agencyId")).sendKeys("地域包括支援センター（サンプル第1）");
            coordinator.find(By.id("f-reviews-0-roles-0-responsibility")).sendKeys("父の介護サービスの調整");
            coordinator.check("minutes-form");
            coordinator.find(By.id("f-chair")).sendKeys(Keys.ENTER);
            coordinator.waitFor(60, d -> d.findElement(By.tagName("body")).getText().contains("議事録を記録しました"));
            assertTrue(coordinator.text().contains("本人の希望・目標・見直し日"),
                    "typed once: the plan got the wish in the same step: " + coordinator.text());
            coordinator.check("minutes-recorded");

            // 訂正: one review corrected with a reason; both versions readable, with who changed what
            coordinator.find(By.id("amend-minutes")).click();
            WebElement goals = coordinator.find(By.id("f-reviews-0-goals"));
            goals.clear();
            goals.sendKeys("週1回、包括の訪問を受け入れる。月1回、父と外出する");
            coordinator.find(By.id("f-reason")).sendKeys("目標の記載漏れ");
            coordinator.check("minutes-amend");
            coordinator.find(By.id("save-minutes")).sendKeys(Keys.ENTER);
            coordinator.waitFor(60, d -> d.getCurrentUrl().startsWith(meetingUrl)
                    && !d.getCurrentUrl().contains("/amend"));
            coordinator.find(By.id("minutes-versions")).click();
            String versions = coordinator.text();
            assertTrue(versions.contains("目標の記載漏れ") && versions.contains("月1回、父と外出する"), versions);
            coordinator.check("minutes-versions");

            // the 議事録 a city files: printed, in Japanese, cases by 受付番号, attendees with their agencies
            coordinator.open(meetingUrl.replace(base, "") + "/print");
            String printed = coordinator.text();
            for (String expected : List.of("議事録", numbers.get(0), "山田 花子", "地域包括支援センター（サンプル第1）",
                    "目標の記載漏れ", WISH)) {
                assertTrue(printed.contains(expected), expected + " in the printed 議事録: " + printed);
            }
            coordinator.screenshot("minutes-print");
            // printed under a policy without inline script or style, never stored
            String cookies = coordinator.driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            HttpResponse<String> print = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(meetingUrl + "/print")).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, print.statusCode());
            String csp = print.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("no-store", print.headers().firstValue("Cache-Control").orElse(""));

            // the plan: his wish as the minutes said it, typed once; revised, then closed
            coordinator.open("/" + KURUME + "/cases/" + first + "/plans");
            coordinator.check("case-plans");
            coordinator.find(By.cssSelector("main a[href*='/plans/p-']")).click();
            coordinator.waitFor(15, d -> d.getCurrentUrl().contains("/plans/p-"));
            String planUrl = coordinator.driver.getCurrentUrl().replaceAll("\\?.*$", "").replace(base, "");
            String plan = coordinator.text();
            assertTrue(plan.contains(WISH), "the plan shows the wish typed in the minutes: " + plan);
            assertTrue(plan.contains("月1回、父と外出する") || plan.contains("週1回、包括の訪問を受け入れる"), plan);
            assertTrue(plan.contains("父の介護サービスの調整"), "the roles' words came with them: " + plan);
            coordinator.check("plan");
            coordinator.find(By.cssSelector("#revision summary")).click();
            coordinator.find(By.id("rev-f-reason")).sendKeys("父の入所が決まったため");
            coordinator.find(By.id("rev-f-goals")).sendKeys(Keys.ENTER, "就労準備支援の説明を受ける"); // a goal a line
            coordinator.find(By.id("rev-submit")).click();
            awaitDone(coordinator, "revised");
            assertTrue(coordinator.text().contains("第2版"), coordinator.text());
            coordinator.check("plan-revised");
            coordinator.find(By.cssSelector("#closure summary")).click();
            coordinator.find(By.id("close-f-reason")).sendKeys("本人が就労し、支援の目的を達したため");
            coordinator.find(By.id("close-submit")).click();
            awaitDone(coordinator, "closed");
            coordinator.check("plan-closed");

            // 集計: the year table counts the plan: made (created, plus its 再プラン, as the city reports them), the
            // 再プラン among them, and its 終結
            coordinator.waitFor(60, d -> {
                coordinator.open("/" + KURUME + "/reports?from=" + fiscalYear + "&to=" + fiscalYear);
                return Integer.parseInt(yearFigure(coordinator, "多機関協働プラン", "作成件数")) == plansBefore[0] + 2
                        && Integer.parseInt(yearFigure(coordinator, "多機関協働プラン", "（うち、再プラン）"))
                        == plansBefore[1] + 1
                        && Integer.parseInt(yearFigure(coordinator, "多機関協働プラン", "終結件数")) == plansBefore[2] + 1;
            });
            coordinator.check("year-table");
            coordinator.open("/" + KURUME + "/cases/" + first + "/history");
            assertTrue(coordinator.text().contains("duplicate-confirmed") || coordinator.text().contains(numbers.get(1)),
                    "the case's history holds the joined referral: " + coordinator.text());
            coordinator.check("case-history");

            // 台帳取込: a small list of the city's (CP932) checked through the real upload form; a check changes nothing
            java.nio.file.Path list = java.nio.file.Files.createTempFile("台帳", ".csv");
            java.nio.file.Files.write(list, CaseloadSheet.of("CONSOLE-", jp.tsunagu.contract.codes.FiscalYear.parse("R7"),
                    6, 3).csv(CaseloadSheet.CP932));
            coordinator.open("/" + KURUME + "/imports");
            coordinator.check("imports");
            coordinator.find(By.id("f-file")).sendKeys(list.toString());
            coordinator.find(By.id("import-check")).click();
            coordinator.waitFor(60, d -> d.getTitle().startsWith("確認済み"));
            assertTrue(coordinator.text().contains("6行") && coordinator.text().contains("Shift_JIS"),
                    "the list was read as it is: " + coordinator.text());
            coordinator.check("import-checked");
            java.nio.file.Files.delete(list);

            // a 支援会議 (no consent needed, confidential): open to its members only
            coordinator.open("/" + KURUME + "/meetings/new");
            new Select(coordinator.find(By.id("f-type"))).selectByValue("SHIEN_KAIGI");
            typeDate(coordinator, "f-scheduledOn", today);
            typeTime(coordinator, "f-startsAt", "16:00");
            coordinator.find(By.id("f-place")).sendKeys("久留米市役所 503会議室");
            tick(coordinator, "members", "kurume-houkatsu-01");
            coordinator.find(By.id("schedule-meeting")).click();
            coordinator.waitFor(30, d -> d.getCurrentUrl().contains("done=scheduled"));
            String confidential = coordinator.driver.getCurrentUrl().replaceAll("\\?.*$", "").replace(base, "");
            assertTrue(coordinator.text().contains("社会福祉法第106条の6"), "the duty of confidentiality is stated");
            coordinator.check("shien-kaigi");
            try (ConsoleBrowser member = new ConsoleBrowser(base, "member")) {
                member.signIn(KURUME, "member", idp.password(KURUME, "member"));
                member.open(confidential);
                assertEquals("この会議は表示できません", member.find(By.tagName("h1")).getText());
                assertFalse(member.text().contains("503会議室"), "nothing of it is shown");
                member.check("shien-kaigi-not-member");
            }
        }
    }

    /** A figure of the console's year table: the last year's column of the row {@code item} in group {@code group}. */
    static String yearFigure(ConsoleBrowser b, String group, String item) {
        Object v = b.script("""
                for (const g of document.querySelectorAll('#year-table tbody')) {
                  const head = g.querySelector('th[scope=rowgroup]');
                  if (!head || head.textContent.trim() !== arguments[0]) continue;
                  for (const r of g.rows) {
                    if (r.querySelector('th[scope=row]').textContent.trim() === arguments[1]) {
                      const cells = r.querySelectorAll('td');
                      return cells[cells.length - 1].textContent.trim();
                    }
                  }
                }
                return null;""", group, item);
        assertTrue(v != null, group + " / " + item + " is in the year table: " + b.text());
        return v.toString();
    }

    /** 多機関協働プラン made, 再プラン among them and closed in the fiscal year, as reporting-service counts them now. */
    static int[] plansMade(int fiscalYear) throws Exception {
        String token = run("token", "analyst", "--municipality", KURUME).trim();
        var r = LocalRunSystemTest.get(LocalRunSystemTest.port("reporting-service"),
                "/reports/fiscal-years?from=" + fiscalYear + "&to=" + fiscalYear, token);
        assertEquals(200, r.statusCode(), r.body());
        var plans = IdentityProvider.JSON.readTree(r.body()).path("years").get(0).path("plans").path("MULTI_AGENCY");
        return new int[] {plans.path("made").asInt(), plans.path("replans").asInt(), plans.path("closed").asInt()};
    }

    /** The plan page after a form: done, or the test fails with what the page said instead. */
    static void awaitDone(ConsoleBrowser b, String done) throws Exception {
        try {
            b.waitFor(30, d -> d.getCurrentUrl().contains("done=" + done));
        } catch (org.openqa.selenium.TimeoutException e) {
            b.screenshot("not-" + done);
            throw new AssertionError("not " + done + ": " + b.text(), e);
        }
    }

    /** Ticks a checkbox with the keyboard (Space), as someone without a mouse does. */
    static void tick(ConsoleBrowser b, String name, String value) {
        WebElement box = b.find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            box.sendKeys(Keys.SPACE);
        }
        assertTrue(box.isSelected(), name + "=" + value + " ticked");
    }

    /**
     * Types a date into a date input with the keyboard as the browser's locale orders it (headless Chrome: month, day,
     * year), and checks what the input now holds.
     */
    static void typeDate(ConsoleBrowser b, String id, LocalDate date) {
        WebElement input = b.find(By.id(id));
        input.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
        assertEquals(date.toString(), input.getDomProperty("value"), id + " typed with the keyboard");
    }

    /** Types a time (HH:mm) into a time input with the keyboard (hours, minutes, AM/PM where the locale has it). */
    static void typeTime(ConsoleBrowser b, String id, String time) {
        WebElement input = b.find(By.id(id));
        int hour = Integer.parseInt(time.substring(0, 2));
        input.sendKeys(String.format("%02d%s%s", hour % 12 == 0 ? 12 : hour % 12, time.substring(3),
                hour < 12 ? "A" : "P"));
        assertEquals(time, input.getDomProperty("value"), id + " typed with the keyboard");
    }

    /** The case's 受付番号 as intake gives it. */
    static String caseNumber(String caseId) throws Exception {
        String token = systemToken(FIRST_REFERRER);
        var status = LocalRunSystemTest.get(LocalRunSystemTest.port(LocalRunSystemTest.INTAKE),
                "/referrals/" + caseId, token);
        for (int i = 0; i < 50 && status.statusCode() != 200; i++) {
            Thread.sleep(200);
            status = LocalRunSystemTest.get(LocalRunSystemTest.port(LocalRunSystemTest.INTAKE),
                    "/referrals/" + caseId, token);
        }
        return IdentityProvider.JSON.readTree(status.body()).path("caseNumber").asText();
    }
}
