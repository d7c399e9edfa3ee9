package jp.tsunagu.meeting.schedule;

import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeetingCalendarTest {

    @Test
    void kurumeMeetsOnTheFourthWednesdayOfEveryMonthOfTheFiscalYear() {
        MeetingCalendar kurume = MeetingCalendar.forMunicipality("402036", Optional.empty()).orElseThrow();
        List<LocalDate> juusou = kurume.regularMeetings(new FiscalYear(2024)).stream()
                .filter(p -> p.type() == MeetingType.JUUSOU_SHIEN_KAIGI).map(MeetingCalendar.Planned::date).toList();
        assertEquals(List.of(LocalDate.of(2024, 4, 24), LocalDate.of(2024, 5, 22), LocalDate.of(2024, 6, 26),
                LocalDate.of(2024, 7, 24), LocalDate.of(2024, 8, 28), LocalDate.of(2024, 9, 25),
                LocalDate.of(2024, 10, 23), LocalDate.of(2024, 11, 27), LocalDate.of(2024, 12, 25),
                LocalDate.of(2025, 1, 22), LocalDate.of(2025, 2, 26), LocalDate.of(2025, 3, 26)), juusou);
        long shien = kurume.regularMeetings(new FiscalYear(2024)).stream()
                .filter(p -> p.type() == MeetingType.SHIEN_KAIGI).count();
        assertEquals(12, shien, "both case meetings, every month");
    }

    @Test
    void eachSeriesSaysWhenAndWhereItsMeetingsAreHeld() {
        MeetingCalendar kurume = MeetingCalendar.forMunicipality("402036", Optional.empty()).orElseThrow();

        MeetingCalendar.Planned first = kurume.regularMeetings(new FiscalYear(2026)).getFirst();

        assertEquals(java.time.LocalTime.of(14, 0), first.startsAt());
        assertEquals(java.time.LocalTime.of(15, 30), first.endsAt());
        assertEquals("久留米市役所 会議室（仮）", first.place());
        assertEquals(java.time.LocalTime.of(15, 45),
                kurume.seriesOf(MeetingType.SHIEN_KAIGI).orElseThrow().startsAt());
        assertTrue(MeetingCalendar.forMunicipality("122203", Optional.empty()).orElseThrow()
                .seriesOf(MeetingType.SHIEN_KAIGI).isEmpty(), "流山市 holds 支援会議 only as needed");
    }

    @Test
    void nagareyamaHoldsItsMultiLayeredMeetingMonthlyAndItsManagersMeetingOnce() {
        MeetingCalendar nagareyama = MeetingCalendar.forMunicipality("122203", Optional.empty()).orElseThrow();
        var year = nagareyama.regularMeetings(new FiscalYear(2024));
        assertEquals(12, year.stream().filter(p -> p.type() == MeetingType.JUUSOU_SHIEN_KAIGI).count());
        assertEquals(1, year.stream().filter(p -> p.type() == MeetingType.DAIHYOUSHA_KAIGI).count());
        assertFalse(nagareyama.holdsRegularly(MeetingType.SHIEN_KAIGI), "支援会議 only as needed");
        assertTrue(nagareyama.sample(), "the days are assumptions and say so");
        assertTrue(year.stream().allMatch(p -> new FiscalYear(2024).contains(p.date())));
    }
}
