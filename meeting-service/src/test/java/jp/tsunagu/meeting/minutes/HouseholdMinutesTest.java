package jp.tsunagu.meeting.minutes;

import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The households (世帯) of minutes without a database: given the agenda's household items, when…, then…. */
class HouseholdMinutesTest {

    static final Map<String, String> ITEMS = Map.of("a", "h1", "b", "h1", "c", "h2");

    static String label(String householdId) {
        return "世帯（" + householdId + "）";
    }

    @Test
    void reviewsOfCasesInAHouseholdItemAreWrittenWithItsHouseholdAndOthersOnTheirOwn() {
        assertEquals(Map.of("a", "h1", "b", "h1"), HouseholdMinutes.householdOf(List.of("a", "b", "adhoc", "x"),
                ITEMS));
    }

    @Test
    void everyHouseholdWithAMemberReviewedIsKeptWithItsNoteOrNone() {
        var result = HouseholdMinutes.check(List.of(new MinutesRequest.HouseholdNoteRequest("h1", " 世帯として検討 ")),
                List.of("c", "a", "b"), ITEMS, HouseholdMinutesTest::label);

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(new HouseholdMinutes.Household("h2", "世帯（h2）", null),
                new HouseholdMinutes.Household("h1", "世帯（h1）", "世帯として検討")), result.households());
    }

    @Test
    void aNoteMustNameAHouseholdItemOfTheAgendaOnceWithAMemberReviewed() {
        var result = HouseholdMinutes.check(List.of(new MinutesRequest.HouseholdNoteRequest("h9", "x"),
                        new MinutesRequest.HouseholdNoteRequest("h1", "x"),
                        new MinutesRequest.HouseholdNoteRequest("h1", "y"),
                        new MinutesRequest.HouseholdNoteRequest(null, "z"),
                        new MinutesRequest.HouseholdNoteRequest("h2", "n")),
                List.of("a"), ITEMS, HouseholdMinutesTest::label);

        assertEquals(List.of(
                new FieldError("households[0].householdId", "not a household item on this meeting's agenda"),
                new FieldError("households[2].householdId", "the same household twice in one minutes"),
                new FieldError("households[3].householdId", "required"),
                new FieldError("households[4].householdId",
                        "none of the household's cases is reviewed in these minutes")), result.errors());
    }

    @Test
    void aNoteLongerThanTheLimitIsRefused() {
        var result = HouseholdMinutes.check(List.of(new MinutesRequest.HouseholdNoteRequest("h1",
                "あ".repeat(HouseholdMinutes.NOTE + 1))), List.of("a"), ITEMS, HouseholdMinutesTest::label);

        assertEquals(List.of(new FieldError("households[0].note", "at most 2000 characters")), result.errors());
    }

    @Test
    void theMinutesLabelNamesOnlyTheHouseholdsCasesReviewedWithItInTheOrderReceived() {
        Map<String, String> discussedWith = HouseholdMinutes.householdOf(List.of("son", "mother", "x"),
                Map.of("mother", "h1", "son", "h1", "x", "h2", "daughter", "h1")); // the daughter was not reviewed

        String label = HouseholdMinutes.label("h1", discussedWith,
                Map.of("mother", "R8-000001", "son", "R8-000007", "daughter", "R8-000003"));

        assertEquals("世帯（R8-000001・R8-000007）", label);
    }

    static final List<HouseholdMinutes.Household> RECORDED = List.of(
            new HouseholdMinutes.Household("h1", "世帯（R8-000001・R8-000007）", "母の介護を検討"),
            new HouseholdMinutes.Household("h2", "世帯（R8-000010・R8-000011）", null));

    @Test
    void aCorrectedNoteReplacesTheOneRecordedAndANoteUnchangedIsNoChange() {
        List<FieldError> errors = new java.util.ArrayList<>();

        var corrected = HouseholdMinutes.corrected(List.of(
                new MinutesRequest.HouseholdNoteRequest("h2", " 家計も検討 "),
                new MinutesRequest.HouseholdNoteRequest("h1", "母の介護を検討")), RECORDED, errors);

        assertEquals(List.of(), errors);
        assertEquals(List.of(new HouseholdMinutes.Household("h2", "世帯（R8-000010・R8-000011）", "家計も検討")),
                corrected);
    }

    @Test
    void anEmptyNoteEmptiesItAndAnAbsentOneKeepsIt() {
        List<FieldError> errors = new java.util.ArrayList<>();

        var corrected = HouseholdMinutes.corrected(List.of(new MinutesRequest.HouseholdNoteRequest("h1", " "),
                new MinutesRequest.HouseholdNoteRequest("h2", null)), RECORDED, errors);

        assertEquals(List.of(), errors);
        assertEquals(List.of(new HouseholdMinutes.Household("h1", "世帯（R8-000001・R8-000007）", null)), corrected);
    }

    @Test
    void aCorrectionIsCheckedAsTheMinutesAre() {
        List<FieldError> errors = new java.util.ArrayList<>();

        HouseholdMinutes.corrected(List.of(new MinutesRequest.HouseholdNoteRequest("h9", "x"),
                new MinutesRequest.HouseholdNoteRequest("h1", "x"),
                new MinutesRequest.HouseholdNoteRequest("h1", "y"),
                new MinutesRequest.HouseholdNoteRequest(" ", "z"),
                new MinutesRequest.HouseholdNoteRequest("h2", "あ".repeat(HouseholdMinutes.NOTE + 1))), RECORDED, errors);

        assertEquals(List.of(
                new FieldError("households[0].householdId", "not a household item on this meeting's agenda"),
                new FieldError("households[2].householdId", "the same household twice in one minutes"),
                new FieldError("households[3].householdId", "required"),
                new FieldError("households[4].note", "at most 2000 characters")), errors);
    }

    @Test
    void eachVersionKeepsEachNoteAsItStood() {
        List<HouseholdMinutes.Versioned> written = List.of(new HouseholdMinutes.Versioned(1, RECORDED.get(0)),
                new HouseholdMinutes.Versioned(1, RECORDED.get(1)),
                new HouseholdMinutes.Versioned(3, new HouseholdMinutes.Household("h1", "世帯（R8-000001・R8-000007）",
                        "母の介護と家計を検討")));

        assertEquals(RECORDED, HouseholdMinutes.asOf(written, 2));
        assertEquals("母の介護と家計を検討", HouseholdMinutes.asOf(written, 3).getFirst().note());
    }

    @Test
    void theCorrectionsBeforeAndAfterShowTheNoteChange() {
        var before = new MinutesChanges.Snapshot(List.of(), MinutesRules.Details.NONE, List.of(), RECORDED);
        var after = new MinutesChanges.Snapshot(List.of(), MinutesRules.Details.NONE, List.of(), List.of(
                new HouseholdMinutes.Household("h1", "世帯（R8-000001・R8-000007）", "母の介護と家計を検討"),
                RECORDED.get(1)));

        var changes = MinutesChanges.between(before, after, id -> id, Map.of());

        assertEquals(List.of(new MinutesChanges.Change("householdNote", "世帯としての検討内容", null, null, "母の介護を検討",
                "母の介護と家計を検討", "h1", "世帯（R8-000001・R8-000007）")), changes);
    }

    @Test
    void aCorrectionOfOnlyAHouseholdsNoteMakesANewVersion() {
        var minutes = new MinutesAmendments.Minutes(jp.tsunagu.contract.codes.MeetingType.JUUSOU_SHIEN_KAIGI,
                java.time.LocalDate.of(2026, 12, 24), 1, List.of(Attendee.agency("a1")), MinutesRules.Details.NONE,
                List.of(), Map.of(), java.util.Set.of("a1"), Map.of(), RECORDED);

        var result = MinutesAmendments.check(minutes, AmendmentRequest.because("世帯の記録の訂正").withHouseholds(
                List.of(new MinutesRequest.HouseholdNoteRequest("h1", "母の介護と家計を検討"))));

        var valid = org.junit.jupiter.api.Assertions.assertInstanceOf(MinutesAmendments.Result.Valid.class, result);
        assertEquals(2, valid.version());
        assertEquals(List.of(new HouseholdMinutes.Household("h1", "世帯（R8-000001・R8-000007）", "母の介護と家計を検討")),
                valid.households());
    }
}
