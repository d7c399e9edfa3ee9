package jp.tsunagu.contract.codes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseNumberTest {

    @ParameterizedTest(name = "given a referral received on {0}, sequence {1}, then {2}")
    @CsvSource(textBlock = """
            2026-04-01, 123,     R8-000123
            2027-03-31, 123,     R8-000123
            2027-04-01, 1,       R9-000001
            2019-05-01, 999999,  R1-999999
            2024-06-26, 1234567, R6-1234567
            2019-03-31, 7,       H30-000007
            2000-04-01, 1,       H12-000001
            """)
    void of(String receivedOn, long sequence, String printed) {
        assertEquals(printed, CaseNumber.of(FiscalYear.of(LocalDate.parse(receivedOn)), sequence).toString());
    }

    @ParameterizedTest(name = "given {0}, when parsed, then {1}")
    @CsvSource(textBlock = """
            R8-000123,      R8-000123
            ' R8-000123 ',  R8-000123
            Ｒ８－０００１２３, R8-000123
            R８-000123,     R8-000123
            R10-000001,     R10-000001
            R6-1234567,     R6-1234567
            H30-000001,     H30-000001
            """)
    void parse(String text, String printed) {
        assertEquals(printed, CaseNumber.parse(text).toString());
    }

    @ParameterizedTest(name = "given {0}, when parsed, then refused")
    @CsvSource(nullValues = "-", textBlock = """
            -
            ''
            r8-000123
            R8-123
            R8000123
            R8-0000123
            R0-000001
            R8-000000
            H31-000001
            H0-000001
            8-000123
            R8-00012a
            """)
    void refused(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> CaseNumber.parse(text));
        assertEquals("a case number is written R8-000123", e.getMessage());
    }

    @ParameterizedTest(name = "given fiscal year {0} and sequence {1}, then no case number")
    @CsvSource(textBlock = """
            1988, 1
            2024, 0
            2024, -1
            """)
    void invalid(int year, long sequence) {
        assertThrows(IllegalArgumentException.class, () -> CaseNumber.of(new FiscalYear(year), sequence));
    }
}
