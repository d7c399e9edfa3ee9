package jp.tsunagu.contract.household;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HouseholdLabelTest {

    @Test
    void membersAreNamedInTheOrderTheyWereReceived() {
        assertEquals("世帯（R8-000001・R8-000007）", HouseholdLabel.of(List.of("R8-000007", "R8-000001")));
    }

    @Test
    void aLaterFiscalYearComesAfterEvenWhenItsTextSortsFirst() {
        assertEquals("世帯（H30-000900・R9-000002・R10-000001）",
                HouseholdLabel.of(List.of("R10-000001", "R9-000002", "H30-000900")));
    }

    @Test
    void aCaseWithoutANumberIsNamedLast() {
        assertEquals("世帯（R8-000003・受付番号なし）", HouseholdLabel.of(Arrays.asList(null, "R8-000003")));
    }
}
