package jp.tsunagu.intake.importing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.intake.referral.CaseNumbers;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 台帳取込 through REST: a city's list checked, imported once, imported again (nothing new), refused, forbidden. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class ImportApiTest {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String HEADER = "管理番号,受付日,氏名,ふりがな,生年月日,地区,課題,紹介元,相談経路,担当機関,同意,状態,"
            + "つなぎ日,受入日,プラン種別,作成日,終結日\r\n";

    private static String coordinator() {
        return role("coordinator", KURUME);
    }

    /** Two good rows (受付; 受入 by a listed agency) and one whose 受付日 is no date. */
    private static byte[] sheet(String prefix) {
        return (HEADER
                + prefix + "-1,令和6年5月14日,取込 一郎,トリコミ イチロウ,1970-01-02,篠山,ひきこもり,,電話,,あり,受付,,,,,\r\n"
                + prefix + "-2,2024-06-01,取込 花子,トリコミ ハナコ,昭和50年3月4日,京町,生活困窮・債務,"
                + "地域包括支援センター（サンプル第1）,,地域包括支援センター（サンプル第1）,同意あり,受入,2024-06-03,2024-06-05,,,\r\n"
                + prefix + "-3,令和5年2月30日,取込 三郎,トリコミ サブロウ,1980-01-01,篠山,ひきこもり,,電話,,あり,受付,,,,,\r\n")
                .getBytes(CP932);
    }

    private static String post(byte[] file, String query) {
        return given().header("Authorization", bearer(coordinator())).contentType("text/csv")
                .header("X-File-Name", "%E5%8F%B0%E5%B8%B3.csv").body(file)
                .post("/imports?" + query).then().statusCode(202)
                .header("Location", containsString("/imports/")).extract().path("importId");
    }

    private static JsonPath finished(String importId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().header("Authorization", bearer(coordinator())).get("/imports/" + importId).then()
                        .statusCode(200).extract().jsonPath(),
                job -> !List.of("CHECKING", "IMPORTING").contains(job.getString("state")));
    }

    private static String caseId(String rowKey) {
        return UUID.nameUUIDFromBytes(("import|" + KURUME + "|" + rowKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Inject
    CaseNumbers numbers;

    @Test
    void aListIsCheckedThenImportedOnceAndTheSameListAgainCreatesNothing() {
        String prefix = "T" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = sheet(prefix);

        // given a live referral of the first row's person (same kana and birth date)
        String live = given().header("Authorization", bearer(coordinator())).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"channel":"PHONE","receivedOn":"2024-05-10",
                         "person":{"name":"取込 一郎","nameKana":"トリコミ イチロウ","birthDate":"1970-01-02","area":"篠山"},
                         "concerns":["HIKIKOMORI"],"consent":"GIVEN","urgency":"ROUTINE"}""")
                .post("/referrals").then().statusCode(201).extract().path("caseNumber");

        // when the list is checked: nothing is written, the report names the one bad cell and the possible duplicate
        JsonPath check = finished(post(file, "mode=check"));
        assertEquals("CHECK_FAILED", check.getString("state"), check.prettify());
        assertEquals("問題あり", check.getString("stateLabel"));
        assertEquals("台帳.csv", check.getString("fileName"));
        assertEquals("CSV", check.getString("format"));
        assertEquals("Shift_JIS", check.getString("charset"));
        assertEquals(3, check.getInt("rows"));
        assertEquals(1, check.getInt("rowsWithProblems"));
        assertEquals(0, check.getInt("created"));
        assertEquals(2, check.getInt("wouldCreate.cases"));
        assertEquals(1, check.getInt("wouldCreate.accepted"));
        assertEquals(1, check.getInt("problemCount"));
        assertEquals(4, check.getInt("problems[0].row"));
        assertEquals("受付日", check.getString("problems[0].column"));
        assertEquals("令和5年2月30日", check.getString("problems[0].value"));
        assertEquals("日付として読めません", check.getString("problems[0].reason"));
        byte[] report = given().header("Authorization", bearer(coordinator()))
                .get("/imports/" + check.getString("importId") + "/report.csv").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(2, check.getInt("possibleDuplicates[0].row"));
        assertEquals(live, check.getString("possibleDuplicates[0].caseNumber"));
        assertEquals("\uFEFF行,列,値,理由\r\n4,受付日,令和5年2月30日,日付として読めません\r\n"
                        + "2,,,既存の案件 " + live + " と同じ人かもしれません\r\n",
                new String(report, StandardCharsets.UTF_8));
        given().header("Authorization", bearer(coordinator())).get("/referrals/" + caseId("no:" + prefix + "-1"))
                .then().statusCode(404);

        // an import of a list with problems writes nothing unless told to skip the bad rows
        assertEquals("CHECK_FAILED", finished(post(file, "mode=import")).getString("state"));

        // when imported skipping the bad row
        JsonPath done = finished(post(file, "mode=import&skipBadRows=true"));
        assertEquals("DONE", done.getString("state"), done.prettify());
        assertEquals(2, done.getInt("created"));
        assertEquals(1, done.getInt("skipped"));
        assertEquals(3, done.getInt("rowsDone"));

        // then each good row is a case whose events say they were imported, dated as the list says
        String received = caseId("no:" + prefix + "-1");
        String accepted = caseId("no:" + prefix + "-2");
        EventEnvelope<TsunaguEvent> first = TopicProbe.decode(TopicProbe.await(Topics.INTAKE,
                r -> received.equals(r.key()) && TopicProbe.decode(r).data() instanceof IntakeEvent.ReferralReceived,
                Duration.ofSeconds(30)));
        assertEquals("/tsunagu/intake-service/import", first.source());
        assertEquals(LocalDate.of(2024, 5, 14), first.businessDate());
        EventEnvelope<TsunaguEvent> imported = TopicProbe.decode(TopicProbe.await(Topics.INTAKE,
                r -> accepted.equals(r.key()) && TopicProbe.decode(r).data() instanceof IntakeEvent.CaseImported,
                Duration.ofSeconds(30)));
        assertEquals("/tsunagu/intake-service/import", imported.source());
        assertEquals(LocalDate.of(2024, 6, 1), imported.businessDate());
        IntakeEvent.CaseImported facts = (IntakeEvent.CaseImported) imported.data();
        assertEquals(CaseStatus.ACCEPTED, facts.status());
        assertEquals("kurume-houkatsu-01", facts.agencyId());
        assertEquals(LocalDate.of(2024, 6, 5), facts.acceptedOn());
        assertEquals(done.getString("importId"), facts.importId());
        assertTrue(facts.caseNumber().startsWith("R6-"), facts.caseNumber());
        // the case-imported number is the referral-received one (consumers keep the first they read)
        IntakeEvent.ReferralReceived acceptedReceived = (IntakeEvent.ReferralReceived) TopicProbe.decode(
                TopicProbe.await(Topics.INTAKE, r -> accepted.equals(r.key())
                        && TopicProbe.decode(r).data() instanceof IntakeEvent.ReferralReceived,
                        Duration.ofSeconds(30))).data();
        assertEquals(acceptedReceived.caseNumber(), facts.caseNumber());
        // and the rows' 受付番号 follow the sheet's order
        String firstNumber = ((IntakeEvent.ReferralReceived) first.data()).caseNumber();
        assertTrue(CaseNumber.parse(firstNumber).sequence() < CaseNumber.parse(facts.caseNumber()).sequence(),
                firstNumber + " before " + facts.caseNumber());
        given().header("Authorization", bearer(coordinator())).get("/referrals/" + received).then()
                .statusCode(200).body("caseNumber", startsWith("R6-")).body("receivedOn", equalTo("2024-05-14"));

        // and the same list again creates nothing new
        JsonPath again = finished(post(file, "mode=import&skipBadRows=true"));
        assertEquals("DONE", again.getString("state"), again.prettify());
        assertEquals(0, again.getInt("created"));
        assertEquals(2, again.getInt("alreadyImported"));
        given().header("Authorization", bearer(coordinator())).get("/imports").then().statusCode(200)
                .body("[0].importId", equalTo(again.getString("importId")))
                .body("importId", hasItem(check.getString("importId")));
    }

    @Test
    void aRowKeepsTheNumberItWasGivenSoARetriedRowSendsTheSameEvents() {
        String prefix = "no:N" + UUID.randomUUID().toString().substring(0, 8);
        FiscalYear year = FiscalYear.of(LocalDate.of(2023, 4, 1));

        // given a run that numbered two rows and was killed before writing them
        Map<String, CaseNumber> first = numbers.forImportedRows(KURUME, year, List.of(prefix + "-1", prefix + "-2"))
                .await().indefinitely();
        assertEquals(first.get(prefix + "-1").sequence() + 1, first.get(prefix + "-2").sequence());

        // when the re-run numbers them again with a row more
        Map<String, CaseNumber> again = numbers.forImportedRows(KURUME, year,
                List.of(prefix + "-1", prefix + "-2", prefix + "-3")).await().indefinitely();

        // then the rows keep their numbers and only the new row takes one
        assertEquals(first.get(prefix + "-1"), again.get(prefix + "-1"));
        assertEquals(first.get(prefix + "-2"), again.get(prefix + "-2"));
        assertTrue(again.get(prefix + "-3").sequence() > first.get(prefix + "-2").sequence());
        assertEquals(year, again.get(prefix + "-3").fiscalYear());
    }

    @Test
    void aSheetWithoutARequiredColumnIsNotImportedEvenSkippingBadRows() {
        byte[] file = ("氏名,生年月日,地区,課題,同意,状態\r\n取込 四郎,1970-01-02,篠山,ひきこもり,あり,受付\r\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonPath job = finished(post(file, "mode=import&skipBadRows=true"));

        assertEquals("CHECK_FAILED", job.getString("state"), job.prettify());
        assertEquals(0, job.getInt("created"));
        assertEquals("", job.getString("problems[0].column"));
        assertTrue(job.getInt("problemCount") >= 1);
    }

    @Test
    void aFileThatIsNoSheetIsRefusedAndTheServiceGoesOn() {
        byte[] exe = "MZ\u0090\u0000\u0003\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        JsonPath refused = finished(given().header("Authorization", bearer(coordinator()))
                .contentType("application/octet-stream").body(exe).post("/imports?mode=check").then()
                .statusCode(202).extract().path("importId"));
        assertEquals("REFUSED", refused.getString("state"));
        assertEquals("Excel（.xlsx）かCSVのファイルではありません", refused.getString("refusal"));
        assertEquals(0, refused.getInt("created"));
    }

    @Test
    void onlyCoordinatorsImportAndAnEmptyOrOversizedFileIsABadRequest() {
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME))).contentType("text/csv")
                .body(sheet("X")).post("/imports?mode=check").then().statusCode(403);
        given().header("Authorization", bearer(agency("kurume-houkatsu-01", KURUME)))
                .get("/imports/templates/referrals.csv").then().statusCode(403);
        given().header("Authorization", bearer(coordinator())).contentType("text/csv").body(new byte[0])
                .post("/imports?mode=check").then().statusCode(400);
        // %test: tsunagu.import.max-bytes=5000000
        given().header("Authorization", bearer(coordinator())).contentType("application/octet-stream")
                .body(new byte[5_000_001]).post("/imports?mode=check").then().statusCode(413)
                .body("type", equalTo("/problems/payload-too-large"));
        given().header("Authorization", bearer(coordinator())).contentType("text/csv").body(sheet("X"))
                .post("/imports?mode=everything").then().statusCode(400).body("errors[0].field", equalTo("mode"));
    }

    @Test
    void theTemplatesCarryEveryColumn() {
        byte[] csv = given().header("Authorization", bearer(coordinator())).get("/imports/templates/referrals.csv")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), text);
        assertTrue(text.contains("受付日") && text.contains("状態") && text.contains("管理番号"), text);
        byte[] xlsx = given().header("Authorization", bearer(coordinator()))
                .get("/imports/templates/referrals.xlsx").then().statusCode(200)
                .contentType(ImportResource.XLSX).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
    }
}
