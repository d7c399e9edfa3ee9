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
}
