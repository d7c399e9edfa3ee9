package jp.tsunagu.contract.importing;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.importing.ImportedStages.Column;
import jp.tsunagu.contract.importing.ImportedStages.Hand;
import jp.tsunagu.contract.importing.ImportedStages.Invalid;
import jp.tsunagu.contract.importing.ImportedStages.Problem;
import jp.tsunagu.contract.importing.ImportedStages.Row;
import jp.tsunagu.contract.importing.ImportedStages.Valid;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportedStagesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);

    @Test
    void a_received_case_is_routed_by_the_rules_on_its_day() {
        Valid v = valid(new Row(CaseStatus.RECEIVED, null, RECEIVED, null, null, null, null, null));
        assertEquals(new ImportedStages(Hand.BY_RULES, false, false, false), v.stages());
        assertEquals(RECEIVED, v.routedOn());
        assertEquals(null, v.acceptedOn());
    }

    @Test
    void an_accepted_case_is_dated_by_its_reception_when_the_list_gives_no_other_day() {
        Valid v = valid(new Row(CaseStatus.ACCEPTED, "kurume-houkatsu-01", RECEIVED, null, null, null, null, null));
        assertEquals(new ImportedStages(Hand.ROUTED, true, false, false), v.stages());
        assertEquals(RECEIVED, v.acceptedOn());
    }

    @Test
    void a_closed_multi_agency_plan_was_escalated_planned_and_closed() {
        Valid v = valid(new Row(CaseStatus.CLOSED, null, RECEIVED, null, null, PlanType.MULTI_AGENCY,
                RECEIVED.plusDays(20), RECEIVED.plusDays(90)));
        assertEquals(new ImportedStages(Hand.ESCALATED, false, true, true), v.stages());
    }

    @Test
    void each_missing_or_contradicting_cell_is_named_with_its_column() {
        Invalid i = assertInstanceOf(Invalid.class, ImportedStages.check(new Row(CaseStatus.CLOSED, null, RECEIVED,
                null, null, PlanType.PARTICIPATION, null, null), TODAY));
        assertEquals(List.of(Column.PLAN_MADE_ON, Column.CLOSED_ON, Column.AGENCY),
                i.problems().stream().map(Problem::column).toList());
        assertTrue(i.problems().get(0).reason().contains("「終結」"), i.problems().get(0).reason());
    }

    @Test
    void dates_out_of_order_or_in_the_future_are_refused() {
        Invalid i = assertInstanceOf(Invalid.class, ImportedStages.check(new Row(CaseStatus.CLOSED,
                "kurume-houkatsu-01", RECEIVED, RECEIVED.minusDays(1), null, PlanType.PARTICIPATION,
                RECEIVED.plusDays(5), TODAY.plusDays(1)), TODAY));
        assertEquals(List.of("つなぎ日が受付日より前です", "終結日が未来の日付です"),
                i.problems().stream().map(Problem::reason).toList());
    }

    @Test
    void a_declined_case_or_a_row_without_status_cannot_be_imported() {
        assertInstanceOf(Invalid.class, ImportedStages.check(new Row(CaseStatus.DECLINED, "a", RECEIVED, null, null,
                null, null, null), TODAY));
        Invalid none = assertInstanceOf(Invalid.class, ImportedStages.check(new Row(null, null, RECEIVED, null, null,
                null, null, null), TODAY));
        assertEquals(Column.STATUS, none.problems().get(0).column());
    }

    private static Valid valid(Row row) {
        return assertInstanceOf(Valid.class, ImportedStages.check(row, TODAY));
    }
}
