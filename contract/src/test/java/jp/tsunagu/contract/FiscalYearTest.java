package jp.tsunagu.contract;

import jp.tsunagu.contract.codes.FiscalYear;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiscalYearTest {

    @Test
    void marchThirtyFirstAndAprilFirstAreDifferentYears() {
        assertEquals(new FiscalYear(2023), FiscalYear.of(LocalDate.of(2024, 3, 31)));
        assertEquals(new FiscalYear(2024), FiscalYear.of(LocalDate.of(2024, 4, 1)));
        assertTrue(new FiscalYear(2024).contains(LocalDate.of(2025, 3, 31)));
        assertFalse(new FiscalYear(2024).contains(LocalDate.of(2025, 4, 1)));
    }

    @Test
    void reiwaLabels() {
        assertEquals("R3", new FiscalYear(2021).label());
        assertEquals("令和6年度", new FiscalYear(2024).japaneseLabel());
        assertEquals("令和元年度", new FiscalYear(2019).japaneseLabel());
        assertEquals("平成30年度", new FiscalYear(2018).japaneseLabel());
        assertEquals(new FiscalYear(2024), FiscalYear.parse("R6"));
        assertEquals(new FiscalYear(2021), FiscalYear.parse("2021"));
        assertEquals(new FiscalYear(2022), FiscalYear.parse("令和4年度"));
        assertThrows(IllegalArgumentException.class, () -> FiscalYear.parse("H30x"));
    }
}
