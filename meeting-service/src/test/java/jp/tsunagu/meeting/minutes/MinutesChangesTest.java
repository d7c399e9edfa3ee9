package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given two versions of the minutes, then what the correction changed, field by field, as people read it. */
class MinutesChangesTest {

    static final Function<String, String> NAMES = id -> Map.of("a1", "地域包括", "a2", "自立支援").get(id);
    static final MinutesRules.Details DETAILS = new MinutesRules.Details(LocalTime.of(14, 0), LocalTime.of(15, 30),
            "市役所 401会議室", "調整担当", "全体の記録");

    static MinutesRules.Review review(String caseId, ReviewOutcome outcome, PlanType type, String note) {
        return new MinutesRules.Review(caseId, outcome, type, List.of(new Role("a1", "見守り")), note, false, null,
                null);
    }

    @Test
    void aCorrectedOutcomeIsShownBeforeAndAfterByTheCasesNumber() {
        var before = new MinutesChanges.Snapshot(List.of(Attendee.agency("a1")), DETAILS,
                List.of(review("c1", ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, "記録"),
                        review("c2", ReviewOutcome.CONTINUE, null, "次回も検討")));
        var after = new MinutesChanges.Snapshot(List.of(Attendee.agency("a1")), DETAILS,
                List.of(review("c1", ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, "記録"),
                        review("c2", ReviewOutcome.PLAN, PlanType.PARTICIPATION, "本人の同意を確認")));

        List<MinutesChanges.Change> changes = MinutesChanges.between(before, after, NAMES, Map.of("c2", "R8-000002"));

        assertEquals(List.of(
                new MinutesChanges.Change("outcome", "結果", "c2", "R8-000002", "継続", "プラン作成"),
                new MinutesChanges.Change("planType", "プランの種類", "c2", "R8-000002", null, "参加支援プラン"),
                new MinutesChanges.Change("note", "記録", "c2", "R8-000002", "次回も検討", "本人の同意を確認")), changes);
    }

    @Test
    void theMeetingsRecordIsComparedToo() {
        var before = new MinutesChanges.Snapshot(List.of(Attendee.agency("a1")), DETAILS, List.of());
        var after = new MinutesChanges.Snapshot(List.of(new Attendee("山田 花子", "a1", null),
                new Attendee("佐藤 一郎", null, "市 地域福祉課")), new MinutesRules.Details(LocalTime.of(14, 0),
                LocalTime.of(16, 0), "市役所 401会議室", "調整担当", "全体の記録"), List.of());

        List<MinutesChanges.Change> changes = MinutesChanges.between(before, after, NAMES, Map.of());

        assertEquals(List.of(
                new MinutesChanges.Change("attendees", "出席者", null, null, "地域包括",
                        "山田 花子（地域包括）、佐藤 一郎（市 地域福祉課）"),
                new MinutesChanges.Change("endTime", "終了時刻", null, null, "15:30", "16:00")), changes);
    }

    @Test
    void aPlansWishGoalsAndReviewDateReadAsWritten() {
        var terms = new MinutesRules.PlanTerms("家で暮らしたい", List.of("通院"), LocalDate.of(2025, 10, 31));
        var before = new MinutesChanges.Snapshot(List.of(), DETAILS, List.of(new MinutesRules.Review("c1",
                ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(), null, false, null, terms)));
        var after = new MinutesChanges.Snapshot(List.of(), DETAILS, List.of(new MinutesRules.Review("c1",
                ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(new Role("a2", "家計")), null, false, null,
                new MinutesRules.PlanTerms("母と家で暮らしたい", List.of("通院", "外出"), LocalDate.of(2025, 10, 31)))));

        List<MinutesChanges.Change> changes = MinutesChanges.between(before, after, NAMES, Map.of());

        assertEquals(List.of("roles", "wish", "goals"), changes.stream().map(MinutesChanges.Change::field).toList());
        assertEquals("自立支援：家計", changes.get(0).after());
        assertEquals("通院\n外出", changes.get(2).after());
    }
}
