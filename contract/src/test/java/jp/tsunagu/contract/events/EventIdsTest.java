package jp.tsunagu.contract.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The forms events already in logs carry: a change here would let a retry write the same thing twice. */
class EventIdsTest {

    @Test
    void everyFormIsPinned() {
        assertEquals("c1/referral-received", EventIds.referralReceived("c1"));
        assertEquals("c1/consent/ab12", EventIds.consentRecorded("c1", "ab12"));
        assertEquals("c1/person-erased", EventIds.personErased("c1"));
        assertEquals("c1/duplicate/f1", EventIds.duplicateDecided("c1", "f1"));
        assertEquals("c1/routing/2", EventIds.routingDecision("c1", 2));
        assertEquals("c1/routing/2/declined", EventIds.routingAnswer("c1", 2, "declined"));
        assertEquals("c1/routing/1/queued", EventIds.queued("c1/routing/1"));
        assertEquals("c1/consent/ab12/requeued", EventIds.requeued("c1/consent/ab12"));
        assertEquals("meeting/m1/scheduled", EventIds.meetingScheduled("m1"));
        assertEquals("meeting/m1/invited/8347f356dc617d25", EventIds.membersInvited("m1", List.of("a2", "a1")));
        assertEquals("meeting/m1/minutes", EventIds.minutesRecorded("m1"));
        assertEquals("meeting/m1/review/c1", EventIds.caseReviewed("m1", "c1"));
        assertEquals("meeting/m1/minutes/v2", EventIds.minutesAmended("m1", 2));
        assertEquals("meeting/m1/review/c1/v2", EventIds.caseReviewAmended("m1", "c1", 2));
        assertEquals("meeting/m1/carried/c1", EventIds.carriedOver("m1", "c1"));
        assertEquals("meeting/m1/attached/c1", EventIds.attached("m1", "c1"));
        assertEquals("plan/p1/created", EventIds.planCreated("p1"));
        assertEquals("plan/p1/v3", EventIds.planRevised("p1", 3));
        assertEquals("plan/p1/closed", EventIds.planClosed("p1"));
        assertEquals("plan/p1/v3/review-due", EventIds.planReviewDue("p1", 3));
        assertEquals("placement/pl1/made", EventIds.placementMade("pl1"));
        assertEquals("follow-up/fu1", EventIds.placementFollowedUp("fu1"));
    }
}
