package jp.tsunagu.intake.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Given an address written as people write it, when normalised, then the forms of one place are one key. */
class AddressKeyTest {

    @Test
    void chomeBanchiGoDashesWidthsAndSpacesAreOneKey() {
        String key = AddressKey.normalize("久留米市荒木町1丁目2番3号");
        assertEquals("久留米市荒木町1-2-3", key);
        assertEquals(key, AddressKey.normalize("久留米市荒木町１－２－３"));
        assertEquals(key, AddressKey.normalize("久留米市 荒木町 1−2−3"));
        assertEquals(key, AddressKey.normalize("久留米市荒木町1丁目2番地3"));
        assertEquals(key, AddressKey.normalize("久留米市荒木町1ー2ー3"));
    }

    @Test
    void aLongVowelMarkInAWordIsKeptAndOtherPlacesDiffer() {
        assertEquals("久留米市センター町1-2", AddressKey.normalize("久留米市センター町1-2"));
        assertNotEquals(AddressKey.normalize("荒木町1-2-3"), AddressKey.normalize("荒木町1-2-4"));
        assertEquals("", AddressKey.normalize("  "));
    }
}
