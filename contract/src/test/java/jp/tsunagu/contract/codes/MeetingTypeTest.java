package jp.tsunagu.contract.codes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the kind of meeting decides, row by row. */
class MeetingTypeTest {

    @Test
    void consentDecidesTheTrack() {
        assertEquals(MeetingType.JUUSOU_SHIEN_KAIGI, MeetingType.trackFor(Consent.GIVEN));
        assertEquals(MeetingType.SHIEN_KAIGI, MeetingType.trackFor(Consent.NOT_GIVEN));
        assertEquals(MeetingType.SHIEN_KAIGI, MeetingType.trackFor(Consent.UNKNOWN));
    }

    @Test
    void onlyCaseMeetingsReviewCasesAndOnlyAJuusouShienKaigiAdoptsPlans() {
        record Row(MeetingType type, boolean reviewsCases, boolean mayAdoptPlans) {
        }
        for (Row row : new Row[]{
                new Row(MeetingType.JUUSOU_SHIEN_KAIGI, true, true),
                new Row(MeetingType.SHIEN_KAIGI, true, false),
                new Row(MeetingType.KOUCHIKU_KAI, false, false),
                new Row(MeetingType.DAIHYOUSHA_KAIGI, false, false)}) {
            assertEquals(row.reviewsCases(), row.type().reviewsCases(), row.type().name());
            assertEquals(row.mayAdoptPlans(), row.type().mayAdoptPlans(), row.type().name());
        }
    }
}
