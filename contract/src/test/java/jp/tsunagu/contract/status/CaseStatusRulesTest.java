package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SampleEvents;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseStatusRulesTest {

    @Test
    void routingMovesTheCaseAndNamesTheAgency() {
        var change = CaseStatusRules.of(new RoutingEvent.CaseRouted("c", "402036", "a1", List.of(), List.of(), "r", "d"))
                .orElseThrow();
        assertEquals(CaseStatus.ROUTED, change.status());
        assertEquals("a1", change.agencyId());
    }

    @Test
    void escalationTakesTheCaseAwayFromTheAgency() {
        var change = CaseStatusRules.of(new RoutingEvent.CaseEscalatedV1("c", "402036", MeetingType.SHIEN_KAIGI, true,
                List.of(), List.of(), "r", "d").current()).orElseThrow();
        assertEquals(CaseStatus.ESCALATED, change.status());
        assertTrue(change.clearsAgency());
        assertTrue(change.detail().contains("緊急"));
    }

    @Test
    void aMeetingsClosureClosesTheCaseOtherOutcomesKeepItInTheMeeting() {
        for (ReviewOutcome outcome : ReviewOutcome.values()) {
            var change = CaseStatusRules.of(new MeetingEvent.CaseReviewed("c", "402036", "m", MeetingType.SHIEN_KAIGI,
                    LocalDate.of(2024, 4, 24), outcome, null, List.of(), false, null)).orElseThrow();
            assertEquals(outcome == ReviewOutcome.CLOSE ? CaseStatus.CLOSED : CaseStatus.IN_MEETING, change.status());
        }
    }

    @Test
    void aConfirmedDuplicateIsClosedAndNamedInTheCaseItJoinsADismissedOneIsANote() {
        var confirmed = new IntakeEvent.DuplicateConfirmed("c2", "R8-000002", "402036", "c1", "R8-000001",
                LocalDate.of(2026, 5, 1));
        var change = CaseStatusRules.of(confirmed).orElseThrow();
        assertEquals(CaseStatus.CLOSED, change.status());
        assertEquals("同一人物の案件（受付番号 R8-000001）に統合（重複として終結）", change.detail());
        var joined = CaseStatusRules.joined(confirmed);
        assertNull(joined.status(), "the joined case keeps its status");
        assertEquals("同一人物の相談（受付番号 R8-000002）をこの案件に統合", joined.detail());
        assertEquals("e1/joined", CaseStatusRules.joinedEventId("e1"));

        var dismissed = CaseStatusRules.of(new IntakeEvent.DuplicateDismissed("c2", "R8-000002", "402036", "c1",
                "R8-000001", LocalDate.of(2026, 5, 1))).orElseThrow();
        assertNull(dismissed.status());
        assertEquals("重複の可能性を確認: 案件（受付番号 R8-000001）とは別の人", dismissed.detail());
    }

    @Test
    void eventsAboutWholeMeetingsOrDirectoriesAreNotCaseSteps() {
        assertTrue(CaseStatusRules.of(new RoutingEvent.DirectoryChanged("402036", "v1", "0".repeat(64),
                new jp.tsunagu.contract.directory.AgencyDirectory("402036", "久留米市", "v1", true, null, List.of("荒木"),
                        List.of(), List.of()))).isEmpty());
        assertTrue(CaseStatusRules.of(new MeetingEvent.MeetingScheduled("m", "402036", MeetingType.SHIEN_KAIGI,
                LocalDate.of(2024, 4, 24), false)).isEmpty());
    }

    @Test
    void everyEventOfTheCatalogIsAStepOfItsCaseUnlessItIsAboutNoOneCase() {
        Set<Class<?>> notAboutOneCase = Set.of(RoutingEvent.DirectoryChanged.class,
                MeetingEvent.MeetingScheduled.class, MeetingEvent.MembersInvited.class,
                MeetingEvent.MinutesRecorded.class, MeetingEvent.MinutesAmended.class);
        for (var type : EventCatalog.all().values()) {
            TsunaguEvent sample = SampleEvents.of(type);
            var change = CaseStatusRules.of(sample);
            assertEquals(!notAboutOneCase.contains(type), change.isPresent(), type.getName());
            change.ifPresent(c -> assertFalse(c.detail() == null || c.detail().isBlank(),
                    type.getName() + " leaves a line of history without words"));
        }
    }
}
