package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** reporting's year table laid out as the city files it, and a replay's table under other definitions. */
class YearTableTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String TWO_YEARS = """
            {"municipality":"402036","municipalityName":"久留米市","years":[
             {"fiscalYear":2023,"label":"令和5年度","code":"R5",
              "meetings":{"JUUSOU_SHIEN_KAIGI":{"held":14,"casesHandled":17,"distinctCases":9},
                          "SHIEN_KAIGI":{"held":17,"casesHandled":28,"distinctCases":11}},
              "plans":{"MULTI_AGENCY":{"made":9,"replans":7,"closed":2},"OUTREACH":{"made":15,"replans":13,"closed":4},
                       "PARTICIPATION":{"made":4,"replans":3,"closed":1}}},
             {"fiscalYear":2024,"label":"令和6年度","code":"R6",
              "meetings":{"JUUSOU_SHIEN_KAIGI":{"held":14,"casesHandled":69,"distinctCases":31},
                          "SHIEN_KAIGI":{"held":13,"casesHandled":15,"distinctCases":9}},
              "plans":{"MULTI_AGENCY":{"made":14,"replans":7,"closed":5},"OUTREACH":{"made":13,"replans":8,"closed":6},
                       "PARTICIPATION":{"made":13,"replans":8,"closed":2}}}]}""";

    @Test
    void givenReportingsYearsWhenLaidOutThenOneColumnAYearAndRowsByMeetingAndPlanTypeInJapanese() throws Exception {
        YearTable.Table table = YearTable.of(json.readTree(TWO_YEARS));

        assertEquals("久留米市", table.municipalityName());
        assertEquals(List.of("令和5年度", "令和6年度"), table.years());
        assertEquals(List.of("重層的支援会議", "支援会議", "多機関協働プラン", "アウトリーチプラン", "参加支援プラン"),
                table.groups().stream().map(YearTable.Group::label).toList());
        YearTable.Group meeting = table.groups().get(0);
        assertEquals(List.of("開催回数", "取扱件数（延べ）", "取扱実件数"),
                meeting.rows().stream().map(YearTable.Row::item).toList());
        assertEquals(List.of(17, 69), meeting.rows().get(1).values());
        YearTable.Group outreach = table.groups().get(3);
        assertEquals(List.of("作成件数", "（うち、再プラン）", "終結件数"),
                outreach.rows().stream().map(YearTable.Row::item).toList());
        assertEquals(List.of(13, 8), outreach.rows().get(1).values());
    }

    @Test
    void givenAReplaysFiguresUnderOtherDefinitionsWhenLaidOutThenTheYearsAreInOrderAndTheItemsSaySo()
            throws Exception {
        JsonNode under = json.readTree("""
                {"R6":{"table":{"fiscalYear":2024,"label":"令和6年度","code":"R6",
                        "meetings":{"JUUSOU_SHIEN_KAIGI":{"held":14,"casesHandled":31,"distinctCases":31}},
                        "plans":{"MULTI_AGENCY":{"made":7,"replans":7,"closed":5}}},"cases":{}},
                 "R5":{"table":{"fiscalYear":2023,"label":"令和5年度","code":"R5",
                        "meetings":{"JUUSOU_SHIEN_KAIGI":{"held":14,"casesHandled":9,"distinctCases":9}},
                        "plans":{"MULTI_AGENCY":{"made":2,"replans":7,"closed":2}}},"cases":{}},
                 "stages":{"open":79}}""");

        YearTable.Table table = YearTable.underOtherDefinitions(Replays.yearsOf(under));

        assertEquals(List.of("令和5年度", "令和6年度"), table.years());
        assertEquals("取扱件数（選んだ数え方）", table.groups().get(0).rows().get(1).item());
        assertEquals("再プラン件数", table.groups().get(1).rows().get(1).item(),
                "new plans only: the re-plans are no longer a part of 作成件数");
        assertEquals("2023", Replays.firstYear(under));
        assertEquals("2024", Replays.lastYear(under));
    }

    @Test
    void givenNoYearsWhenLaidOutThenTheTableIsEmpty() throws Exception {
        assertTrue(YearTable.of(json.readTree("{\"years\":[]}")).isEmpty());
    }
}
