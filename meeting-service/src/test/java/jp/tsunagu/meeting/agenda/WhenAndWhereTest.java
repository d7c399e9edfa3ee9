package jp.tsunagu.meeting.agenda;

import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When and where a new meeting is held, as given: checked without Quarkus. */
class WhenAndWhereTest {

    @Test
    void aMeetingIsScheduledWithItsStartItsPlaceAndOptionallyItsEnd() {
        List<FieldError> errors = new ArrayList<>();

        WhenAndWhere w = WhenAndWhere.check("9:30", null, " 久留米市役所 401会議室 ", errors);

        assertEquals(List.of(), errors);
        assertEquals(new WhenAndWhere(LocalTime.of(9, 30), null, "久留米市役所 401会議室"), w);
    }

    @Test
    void withoutAStartOrAPlaceEachIsNamed() {
        List<FieldError> errors = new ArrayList<>();

        WhenAndWhere.check(null, "15:00", "", errors);

        assertEquals(List.of("startsAt", "place"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void anEndBeforeTheStartABadTimeAndALongPlaceAreNamed() {
        List<FieldError> errors = new ArrayList<>();

        WhenAndWhere.check("14:00", "13:00", "会".repeat(101), errors);
        WhenAndWhere.check("2pm", null, "会議室", errors);

        assertEquals(List.of("endsAt", "place", "startsAt"), errors.stream().map(FieldError::field).toList());
        assertEquals("must be after startsAt", errors.get(0).message());
        assertEquals("a time HH:MM", errors.get(2).message());
    }
}
