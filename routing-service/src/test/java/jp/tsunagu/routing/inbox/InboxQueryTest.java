package jp.tsunagu.routing.inbox;

import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Given an inbox request's parameters, when one is bad, then the 400 names that parameter (as every list's do). */
class InboxQueryTest {

    @ParameterizedTest(name = "state={0} overdue={1} sort={2} limit={3}")
    @CsvSource(nullValues = "-", textBlock = """
            maybe,    -,    -,      -,   state
            accepted, true, -,      -,   overdue
            -,        -,    oldest, -,   sort
            -,        -,    -,      0,   limit
            -,        -,    -,      201, limit
            """)
    void aBadParameterIsNamed(String state, Boolean overdue, String sort, Integer limit, String parameter) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> InboxQuery.of("402036", "kurume-houkatsu-01",
                new InboxQuery.Params(state, overdue, sort, limit, null, null)));
        assertEquals(400, problem.status());
        assertEquals("/problems/validation", problem.toProblem(null).type());
        assertEquals(List.of(parameter), problem.errors().stream().map(FieldError::field).toList());
    }
}
