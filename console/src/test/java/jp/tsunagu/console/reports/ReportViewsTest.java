package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.contract.codes.FiscalYear;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 集計 pages' pure parts: the CSV's name, the years offered, the figures, the audit trails read together. */
class ReportViewsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenReportingsCsvWhenSavedThenItsNameIsJapaneseWithReportingsAsciiNameForOlderReaders() {
        String disposition = CsvFileName.contentDisposition(
                "attachment; filename=\"tsunagu-fiscal-years-402036-R3_R6.csv\"", "久留米市",
                List.of("令和3年度", "令和4年度", "令和5年度", "令和6年度"));

        assertTrue(disposition.startsWith("attachment; filename=\"tsunagu-fiscal-years-402036-R3_R6.csv\"; "
                + "filename*=UTF-8''"), disposition);
        String encoded = disposition.substring(disposition.indexOf("''") + 2);
        assertTrue(encoded.matches("[A-Za-z0-9%._~-]+"), "only RFC 8187 value-chars: " + encoded);
        assertEquals("久留米市_重層的支援体制整備事業の実績_令和3年度-令和6年度.csv",
                URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        assertEquals("attachment; filename=\"tsunagu-fiscal-years.csv\"; filename*=UTF-8''"
                        + CsvFileName.encode("重層的支援体制整備事業の実績_令和6年度.csv"),
                CsvFileName.contentDisposition(null, "", List.of("令和6年度")));
    }

    @Test
    void givenTheCurrentYearWhenYearsAreOfferedThenTenNewestFirstIn令和AndTheTableShowsTheLastFour() {
        FiscalYear r8 = new FiscalYear(2026);

        List<FiscalYears.Choice> offered = FiscalYears.offered(r8);
        assertEquals(10, offered.size());
        assertEquals(new FiscalYears.Choice(2026, "令和8年度"), offered.getFirst());
        assertEquals(new FiscalYears.Choice(2017, "平成29年度"), offered.getLast());
        assertArrayEquals(new FiscalYear[]{new FiscalYear(2023), r8}, FiscalYears.span(null, null, r8));
        assertArrayEquals(new FiscalYear[]{new FiscalYear(2021), new FiscalYear(2024)},
                FiscalYears.span("R6", "2021", r8), "chosen the wrong way round, read from the earlier");
        assertArrayEquals(new FiscalYear[]{new FiscalYear(2023), r8}, FiscalYears.span("R0x", "", r8));
    }

    @Test
    void givenReportingsFiguresWhenShownThenEachBreakdownIsLabelledLargestFirstAndRoutingHasAColumnPerOutcome()
            throws Exception {
        var answer = json.readTree("""
                {"year":{"label":"令和8年度","referrals":6,"byChannel":{"AGENCY":6},"byUrgency":{"ROUTINE":6},
                  "byConcern":{"DEMENTIA":3,"ELDER_CARE":2,"HIKIKOMORI":4},"byField":{"ELDERLY":6,"NONE":1},
                  "routingByAgency":{"kurume-houkatsu-01":{"ROUTED":1,"ACCEPTED":1},"多機関協働事業":{"ESCALATED":106}},
                  "medianDays":{"toRouting":{"days":0.0,"cases":6},"toFirstMeeting":{"days":13.5,"cases":2},
                                "toFirstPlan":{"days":null,"cases":0}}},
                 "stages":{"open":79,"byStage":{"RECEIVED":0,"IN_MEETING":58}},
                 "labels":{"channels":{"AGENCY":"相談支援機関から"},"urgencies":{"ROUTINE":"通常"},
                   "concerns":{"DEMENTIA":"認知症","ELDER_CARE":"介護","HIKIKOMORI":"ひきこもり"},
                   "fields":{"ELDERLY":"高齢"},"stages":{"RECEIVED":"受付","IN_MEETING":"会議で検討中"}}}""");

        Figures.Page page = Figures.of(answer, id -> id.equals("kurume-houkatsu-01") ? "地域包括支援センター" : id);

        assertEquals(6, page.referrals());
        Figures.Breakdown concerns = page.breakdowns().get(2);
        assertEquals(List.of("ひきこもり", "認知症", "介護"), concerns.counts().stream().map(Figures.Count::label).toList());
        assertEquals("該当なし", page.breakdowns().get(3).counts().get(1).label());
        assertEquals(List.of("つなぎ", "多機関協働事業へ", "受入"), page.outcomeLabels());
        assertEquals(new Figures.AgencyRow("地域包括支援センター", List.of(1, 0, 1)), page.routing().get(1));
        assertEquals(new Figures.AgencyRow("多機関協働事業", List.of(0, 106, 0)), page.routing().get(0));
        assertEquals("0日", page.medians().get(0).daysText());
        assertEquals("13.5日", page.medians().get(1).daysText());
        assertNull(page.medians().get(2).daysText());
        assertEquals(List.of("受付", "会議で検討中"), page.stages().counts().stream().map(Figures.Count::label).toList());
    }

    @Test
    void givenEachServicesAuditTrailWhenReadTogetherThenNewestFirstEachNamingItsServiceAndCutAtThePagesLimit()
            throws Exception {
        Map<Service, com.fasterxml.jackson.databind.JsonNode> trails = new LinkedHashMap<>();
        trails.put(Service.INTAKE, json.readTree("""
                [{"at":"2026-12-04T23:16:56.715052Z","username":"coordinator","action":"read-referral",
                  "resource":"case/1","outcome":"ALLOWED"},
                 {"at":"2026-12-04T23:20:00Z","client":"tsunagu-local","action":"search-person",
                  "resource":"cases/402036","outcome":"ALLOWED","detail":"{\\"caseIds\\":[\\"1\\"]}"}]"""));
        trails.put(Service.MEETING, json.readTree("""
                [{"at":"2026-12-04T23:18:00.5Z","username":"member","agencyId":"kurume-houkatsu-01",
                  "action":"read-meeting:SHIEN_KAIGI","resource":"meeting/m-1","outcome":"DENIED"}]"""));

        AuditLines.Merged merged = AuditLines.merge(trails);

        assertEquals(List.of("search-person", "read-meeting:SHIEN_KAIGI", "read-referral"),
                merged.lines().stream().map(AuditLines.Line::action).toList());
        assertEquals("tsunagu-local", merged.lines().get(0).who(), "a client without a user name is named");
        assertEquals(Service.MEETING.labelJa(), merged.lines().get(1).service());
        assertTrue(merged.lines().get(1).denied());
        assertFalse(merged.lines().get(2).denied());
        assertFalse(merged.cut());
    }
}
