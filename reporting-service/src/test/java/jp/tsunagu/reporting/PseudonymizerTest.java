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
}
