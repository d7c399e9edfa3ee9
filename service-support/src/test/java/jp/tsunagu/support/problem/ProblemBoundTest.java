package jp.tsunagu.support.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** However many fields are invalid, a problem document lists at most 20 and counts the rest. */
class ProblemBoundTest {

    @ParameterizedTest(name = "{0} bad fields, collected by {1}: {2} listed, {3} more, detail {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1     | ArrayList   | 1  | -     | f0: bad
            20    | ArrayList   | 20 | -     | 20 fields are invalid
            21    | ArrayList   | 20 | 1     | 21 fields are invalid
            30000 | ArrayList   | 20 | 29980 | 30000 fields are invalid
            20    | FieldErrors | 20 | -     | 20 fields are invalid
            30000 | FieldErrors | 20 | 29980 | 30000 fields are invalid
            """)
    void aValidationListsTheFirstAndCountsTheRest(int bad, String collector, int listed, Integer more,
                                                  String detail) {
        List<FieldError> errors = collector.equals("FieldErrors") ? new FieldErrors() : new ArrayList<>();
        for (int i = 0; i < bad; i++) {
            errors.add(new FieldError("f" + i, "bad"));
        }
        Problem problem = ApiProblem.validation(errors).toProblem("/x");
        assertEquals(listed, problem.errors().size());
        assertEquals("f0", problem.errors().get(0).field());
        assertEquals(more, problem.moreErrors());
        assertEquals(detail, problem.detail());
        Problem japanese = ProblemJapanese.of(problem);
        assertEquals(listed, japanese.errors().size());
        assertEquals(more, japanese.moreErrors());
    }

    @ParameterizedTest(name = "{0} errors given to a Problem directly: {1} listed")
    @CsvSource({"0, 0", "5, 5", "25, 20"})
    void aProblemBuiltDirectlyIsBoundedToo(int given, int listed) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given; i++) {
            errors.add(new FieldError("f" + i, "bad"));
        }
        Problem problem = new Problem("/problems/validation", "Invalid request", 400, null, null, errors);
        assertEquals(listed, problem.errors().size());
        assertEquals(given > listed ? Integer.valueOf(given - listed) : null, problem.moreErrors());
    }
}
