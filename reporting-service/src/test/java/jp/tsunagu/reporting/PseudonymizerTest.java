package jp.tsunagu.reporting;

import jp.tsunagu.reporting.export.Pseudonymizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PseudonymizerTest {

    @Test
    void stableWithinAnExportDifferentAcrossExports() {
        Pseudonymizer one = Pseudonymizer.forOneExport();
        Pseudonymizer two = Pseudonymizer.forOneExport();
        assertEquals(one.pseudonym("case-1"), one.pseudonym("case-1"));
        assertNotEquals(one.pseudonym("case-1"), one.pseudonym("case-2"));
        assertNotEquals(one.pseudonym("case-1"), two.pseudonym("case-1"));
        assertFalse(one.pseudonym("case-1").contains("case-1"));
    }

    @Test
    void aHouseholdsPseudonymIsSharedWithinAnExportAndDiffersAcrossExports() {
        // given two exports, when the same household is named in each, then one pseudonym in each, not the same
        Pseudonymizer one = Pseudonymizer.forOneExport();
        Pseudonymizer two = Pseudonymizer.forOneExport();
        assertEquals(one.householdPseudonym("h-1"), one.householdPseudonym("h-1"));
        assertNotEquals(one.householdPseudonym("h-1"), one.householdPseudonym("h-2"));
        assertNotEquals(one.householdPseudonym("h-1"), two.householdPseudonym("h-1"));
        assertNotEquals(one.pseudonym("h-1"), one.householdPseudonym("h-1"), "not a case's pseudonym");
        // an id that hex digits cannot spell: "h-1" was inside "h-" + 24 random hex digits one time in sixteen
        assertFalse(one.householdPseudonym("household-7").contains("household-7"), "the id is not in it");
        org.junit.jupiter.api.Assertions.assertNull(one.householdPseudonym(null), "no household, no pseudonym");
    }
}
