package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.importing.ImportedStages;
import jp.tsunagu.intake.importing.sheet.ImportLimits;
import jp.tsunagu.intake.importing.sheet.SheetReader;
import jp.tsunagu.intake.referral.ReferralRules;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SheetCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final String KURUME = "402036";
    static final Map<String, AgencyDirectory> DIRECTORIES = Directories.load(Optional.empty());
    static final String HOUKATSU = "地域包括支援センター（サンプル第1）";
    static final String HEADER = "管理番号,受付日,氏名,ふりがな,生年月日,年齢,地区,課題,紹介元,相談経路,担当機関,同意,状態,"
            + "つなぎ日,受入日,プラン種別,作成日,終結日,備考";
    /** A row routed by an agency and accepted by it, 和暦 and full-width digits as a city writes them. */
    static final String GOOD = "K-001,令和８年５月１４日,山田 太郎,やまだ たろう,昭和47年4月2日,,荒木,ひきこもり、8050問題,"
            + HOUKATSU + ",," + HOUKATSU + ",同意あり,受入,,,,,,メモ";

    final SheetCheck check = new SheetCheck(new ReferralRules(DIRECTORIES), DIRECTORIES, Map.of());

    static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    CheckedSheet check(byte[] file) {
        return check(check, file);
    }

    static CheckedSheet check(SheetCheck check, byte[] file) {
        try (SheetReader reader = SheetReader.open(file, null, ImportLimits.defaults())) {
            return check.check(reader, KURUME, "abc123", TODAY, n -> { });
        }
    }

    /** The row with one cell replaced (by the header's index). */
    static String with(String row, String header, String value) {
        List<String> headers = List.of(HEADER.split(",", -1));
        String[] cells = row.split(",", -1);
        cells[headers.indexOf(header)] = value;
        return String.join(",", cells);
    }

    @Test
    void aCleanRowBecomesWhatTheReferralAndItsStagesWouldBe() {
        CheckedSheet sheet = check(csv(HEADER, GOOD));
        assertEquals(List.of(), sheet.problems());
        assertEquals(1, sheet.rows());
        assertEquals(List.of("備考"), sheet.ignoredColumns(), "a header not known is ignored, not a problem");
        assertTrue(sheet.keyedByCaseNumber());
        ImportRow row = sheet.good().getFirst();
        assertEquals(2, row.row());
        assertEquals("no:K-001", row.rowKey());
        assertEquals(LocalDate.of(2026, 5, 14), row.referral().receivedOn(), "令和８年 with full-width digits");
        assertEquals("1972-04-02", row.referral().personal().birthDate());
        assertEquals(List.of(Concern.HIKIKOMORI, Concern.EIGHTY_FIFTY), row.referral().concerns());
        assertEquals("kurume-houkatsu-01", row.referral().referringAgencyId());
        assertEquals(Channel.AGENCY, row.referral().channel(), "紹介元 an agency → 相談支援機関から");
        assertEquals(Consent.GIVEN, row.referral().consent());
        assertEquals(CaseStatus.ACCEPTED, row.status());
        assertEquals("kurume-houkatsu-01", row.agencyId());
        assertEquals(new ImportedStages(ImportedStages.Hand.ROUTED, true, false, false), row.stages());
        assertEquals(row.referral().receivedOn(), row.routedOn(), "つなぎ日 defaults to 受付日");
        assertEquals(row.routedOn(), row.acceptedOn(), "受入日 to つなぎ日");
    }

    @Test
    void withoutACaseNumberColumnTheRowIsKnownByFileAndRowAndAgeMayBeFullWidth() {
        String header = HEADER.replace("管理番号,", "");
        String row = with(with(GOOD, "生年月日", ""), "年齢", "５４歳").substring("K-001,".length());
        CheckedSheet sheet = check(csv(header, "", row));
        assertEquals(List.of(), sheet.problems());
        assertEquals("file:abc123#3", sheet.good().getFirst().rowKey(), "the empty row 2 counts");
        assertEquals(Integer.valueOf(54), sheet.good().getFirst().referral().personal().age());
    }

    @Test
    void aDayThatDoesNotExistIsNamedOnceInItsColumn() {
        CheckedSheet sheet = check(csv(HEADER, with(GOOD, "受付日", "令和5年2月30日")));
        assertEquals(List.of(new RowProblem(2, "受付日", "令和5年2月30日", "日付として読めません")), sheet.problems());
        assertEquals(1, sheet.rowsWithProblems());
        assertEquals(List.of(), sheet.good());
        CheckedSheet birth = check(csv(HEADER, with(GOOD, "生年月日", "R-49.9.11")));
        assertEquals(List.of(new RowProblem(2, "生年月日", "R-49.9.11", "日付として読めません")), birth.problems(),
                "not also 「生年月日または年齢が必要です」: the row has one, unreadable");
        CheckedSheet age = check(csv(HEADER, with(with(GOOD, "生年月日", ""), "年齢", "七十")));
        assertEquals(List.of("年齢"), age.problems().stream().map(RowProblem::column).toList());
    }

    @Test
    void anUnknownConcernLabelIsNamedWithTheLabelsAllowed() {
        CheckedSheet sheet = check(csv(HEADER, with(GOOD, "課題", "ひきこもり・ふさぎこみ")));
        assertEquals(1, sheet.problems().size(), sheet.problems().toString());
        RowProblem p = sheet.problems().getFirst();
        assertEquals("課題", p.column());
        assertTrue(p.reason().startsWith("「ひきこもり・ふさぎこみ」は課題の名前にありません（使える名前: 認知症、介護、"), p.reason());
        assertTrue(p.reason().contains("妊娠・出産"), p.reason());
        CheckedSheet dot = check(csv(HEADER, with(GOOD, "課題", "妊娠・出産・ひきこもり")));
        assertEquals(List.of(Concern.PREGNANCY, Concern.HIKIKOMORI), dot.good().getFirst().referral().concerns(),
                "・ between whole labels, but 妊娠・出産 is one label");
    }

    @Test
    void anAreaNotInTheCityIsNamedWithTheCitysAreas() {
        CheckedSheet sheet = check(csv(HEADER, with(GOOD, "地区", "南部")));
        RowProblem p = sheet.problems().getFirst();
        assertEquals("地区", p.column());
        assertEquals("南部", p.value());
        assertTrue(p.reason().startsWith("不明な地区です。久留米市の地区: 篠山、"), p.reason());
    }

    @Test
    void aReferralBeforeTheCityBeganIsAProblem() {
        SheetCheck joined = new SheetCheck(new ReferralRules(DIRECTORIES), DIRECTORIES,
                Map.of(KURUME, LocalDate.of(2022, 4, 1)));
        CheckedSheet sheet = check(joined, csv(HEADER, with(GOOD, "受付日", "2022/3/31")));
        assertEquals(List.of(new RowProblem(2, "受付日", "2022/3/31",
                "受付日が、この市が重層的支援体制整備事業を始めた日（令和4年4月1日）より前です")), sheet.problems());
        CheckedSheet byDefault = check(csv(HEADER, with(GOOD, "受付日", "令和3年3月31日")));
        assertTrue(byDefault.problems().getFirst().reason().contains("（令和3年4月1日）より前です"));
    }

    @Test
    void theSameCaseNumberTwiceIsTheSecondRowsProblem() {
        CheckedSheet sheet = check(csv(HEADER, GOOD, GOOD.replace("山田 太郎", "山田 花子")));
        assertEquals(1, sheet.good().size());
        RowProblem p = sheet.problems().getFirst();
        assertEquals(3, p.row());
        assertEquals("管理番号", p.column());
        assertEquals("管理番号「K-001」は2行目と同じです（管理番号は1行に1つ）", p.reason());
        CheckedSheet blank = check(csv(HEADER, with(GOOD, "管理番号", "")));
        assertEquals("管理番号", blank.problems().getFirst().column());
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreRefusedButALoneDashIsText() {
        String row = with(with(with(GOOD, "氏名", "=1+1"), "課題", "@SUM(A1:A2)"), "備考", "=HYPERLINK(\"x\")");
        CheckedSheet sheet = check(csv(HEADER.replace(",備考", ",住所,備考"), row.replace(",メモ", ",-,メモ")
                .replace(",=HYPERLINK(\"x\")", ",-,=HYPERLINK(\"x\")")));
        List<String> columns = sheet.problems().stream().map(RowProblem::column).toList();
        assertEquals(List.of("氏名", "課題"), columns, "not 住所 (-), not the ignored 備考; no 'required' after: "
                + sheet.problems());
        assertTrue(sheet.problems().stream().allMatch(p -> p.reason().equals(RowReader.FORMULA)));
        assertEquals("=1+1", sheet.problems().getFirst().value());
    }

    @Test
    void aStatusThePlanContradictsIsNamedByTheStageRule() {
        String row = with(with(GOOD, "プラン種別", "参加支援"), "作成日", "令和8年6月1日");
        CheckedSheet sheet = check(csv(HEADER, row));
        assertEquals(List.of("プラン種別", "作成日"), sheet.problems().stream().map(RowProblem::column).toList());
        assertTrue(sheet.problems().getFirst().reason().startsWith("状態が「受入」の案件にプランは書けません"));
        CheckedSheet planned = check(csv(HEADER, with(row, "状態", "プラン実施中")));
        assertEquals(List.of(), planned.problems());
        assertEquals(new ImportedStages(ImportedStages.Hand.ROUTED, true, true, false),
                planned.good().getFirst().stages());
    }

    @Test
    void aMissingRequiredColumnStopsBeforeAnyRow() {
        String header = HEADER.replace(",同意,", ",本人の気持ち,");
        CheckedSheet sheet = check(csv(header, GOOD));
        assertEquals(0, sheet.rows());
        assertEquals(List.of(), sheet.good());
        RowProblem p = sheet.problems().getFirst();
        assertEquals(1, p.row());
        assertEquals("", p.column());
        assertTrue(p.reason().startsWith("必須の列「同意」がありません"), p.reason());
    }

    @Test
    void labelsAndCodesAndTheSpellingsOfTheSpecAreRead() {
        String row = with(with(with(with(with(GOOD, "紹介元", "市"), "相談経路", "電話"), "同意", "なし"),
                "状態", "ESCALATED"), "担当機関", "");
        CheckedSheet sheet = check(csv(HEADER, row));
        assertEquals(List.of(), sheet.problems());
        ImportRow r = sheet.good().getFirst();
        assertEquals(Channel.PHONE, r.referral().channel());
        assertEquals(null, r.referral().referringAgencyId());
        assertEquals(Consent.NOT_GIVEN, r.referral().consent());
        assertEquals(ImportedStages.Hand.ESCALATED, r.stages().hand());
        CheckedSheet noChannel = check(csv(HEADER, with(row, "相談経路", "")));
        assertEquals("相談経路", noChannel.problems().getFirst().column());
        CheckedSheet badConsent = check(csv(HEADER, with(row, "同意", "たぶん")));
        assertTrue(badConsent.problems().getFirst().reason().startsWith("「たぶん」は同意の名前にありません"));
    }

    @Test
    void cp932ChecksTheSameAsUtf8AndWouldCreateCountsByYear() {
        String planned = with(with(with(with(GOOD, "管理番号", "K-002"), "状態", "終結"), "プラン種別", "参加支援"),
                "作成日", "2026-06-01").replace(",,メモ", ",令和9年1月5日,メモ");
        String text = String.join("\r\n", HEADER, GOOD, planned, with(GOOD, "管理番号", "K-003")
                .replace("令和８年５月１４日", "令和8年3月1日")) + "\r\n";
        CheckedSheet utf8 = check(text.getBytes(StandardCharsets.UTF_8));
        CheckedSheet sjis = check(text.getBytes(Charset.forName("windows-31j")));
        assertEquals(utf8, sjis);
        assertTrue(utf8.problems().stream().anyMatch(p -> p.column().equals("終結日")
                && p.reason().equals("終結日が未来の日付です")), utf8.problems().toString());
        List<ImportRow> good = new ArrayList<>(utf8.good());
        WouldCreate w = WouldCreate.of(good);
        assertEquals(2, w.cases());
        assertEquals(2, w.routed());
        assertEquals(2, w.accepted());
        assertEquals(List.of(new WouldCreate.YearCount("R7", "令和7年度", 1, 0, 0),
                new WouldCreate.YearCount("R8", "令和8年度", 1, 0, 0)), w.byFiscalYear());
    }

    @Test
    void progressIsToldEveryHundredRowsAndAtTheEnd() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 250; i++) {
            lines.add(with(GOOD, "管理番号", "K-" + i));
        }
        List<Integer> told = new ArrayList<>();
        try (SheetReader reader = SheetReader.open(csv(lines.toArray(String[]::new)), null, ImportLimits.defaults())) {
            CheckedSheet sheet = check.check(reader, KURUME, "abc", TODAY, told::add);
            assertEquals(250, sheet.good().size());
        }
        assertEquals(List.of(100, 200, 250), told);
    }
}
