package jp.tsunagu.testing;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One event of every type in the contract, about one case of Kurume, for tests that must handle them all. */
public final class SampleEvents {

    /** The ciphertext the sample referral carries: it must never show up in a projection or an export. */
    public static final String CIPHERTEXT = "U2FtcGxlQ2lwaGVydGV4dA==";

    private SampleEvents() {
    }

    public static List<TsunaguEvent> oneOfEach(String caseId) {
        String m = "402036";
        LocalDate on = LocalDate.of(2024, 6, 26);
        List<TsunaguEvent> all = List.of(
                new IntakeEvent.ReferralReceived(caseId, null, m, "kurume-houkatsu-01", Channel.AGENCY, on, "荒木",
                        AgeBand.AGE_40_49, List.of(new HouseholdMember(Relation.PARENT, AgeBand.AGE_75_PLUS,
                        List.of(Concern.DEMENTIA))), List.of(Concern.MENTAL_HEALTH), Consent.GIVEN, Urgency.ROUTINE,
                        false, new SealedData("A256GCM", "case/" + caseId + "/1", "bm9uY2U=", CIPHERTEXT)),
                new IntakeEvent.ConsentRecorded(caseId, m, Consent.GIVEN, on),
                new IntakeEvent.PersonErased(caseId, m, on),
                new RoutingEvent.CaseRouted(caseId, m, "kurume-houkatsu-01", List.of(Field.ELDERLY),
                        List.of(new Reason("r", "理由", "reason")), "rules-1", "dir-1"),
                new RoutingEvent.CaseEscalated(caseId, m, MeetingType.JUUSOU_SHIEN_KAIGI, Urgency.ROUTINE,
                        EmergencyReview.REGULAR, Consent.GIVEN, List.of(Field.ELDERLY, Field.DISABILITY), List.of(),
                        "rules-1", "dir-1"),
                new RoutingEvent.OutreachRequested(caseId, m, "kurume-outreach-01", List.of(), List.of(), "rules-1",
                        "dir-1"),
                new RoutingEvent.RoutingAccepted(caseId, m, "kurume-houkatsu-01"),
                new RoutingEvent.RoutingDeclined(caseId, m, "kurume-houkatsu-01", "full"),
                new RoutingEvent.AcceptanceOverdue(caseId, m, "kurume-houkatsu-01", on, 7),
                new RoutingEvent.DirectoryChanged(m, "v1", "abc", Directories.load(Optional.empty()).get(m)),
                new MeetingEvent.MeetingScheduled("meeting-1", m, MeetingType.JUUSOU_SHIEN_KAIGI, on, false,
                        java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 30), "市役所 401会議室"),
                new MeetingEvent.CaseQueued(caseId, m, "meeting-1", MeetingType.JUUSOU_SHIEN_KAIGI),
                new MeetingEvent.CaseReviewed(caseId, m, "meeting-1", MeetingType.JUUSOU_SHIEN_KAIGI, on,
                        ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(new Role("kurume-houkatsu-01", "見守り")),
                        false, on.plusMonths(3)),
                new MeetingEvent.MinutesRecorded("meeting-1", m, MeetingType.JUUSOU_SHIEN_KAIGI, on,
                        List.of("kurume-houkatsu-01"), 1),
                new PlanningEvent.PlanCreated("plan-1", caseId, m, PlanType.MULTI_AGENCY, on, List.of(), null,
                        "meeting-1"),
                new PlanningEvent.PlanRevised("plan-1", caseId, m, PlanType.MULTI_AGENCY, 2, on.plusMonths(1), null),
                new PlanningEvent.PlanClosed("plan-1", caseId, m, PlanType.MULTI_AGENCY, on.plusMonths(2)),
                new PlanningEvent.PlanReviewDue("plan-1", caseId, m, PlanType.MULTI_AGENCY, on.plusMonths(1)),
                new PlanningEvent.PlacementMade("placement-1", "plan-1", caseId, m, "resource-1", on),
                new PlanningEvent.PlacementFollowedUp("placement-1", "plan-1", caseId, m,
                        PlanningEvent.FollowUpSide.PERSON, on.plusDays(14)),
                // later additions go last: tests name the ones above by position
                new MeetingEvent.MembersInvited("meeting-1", m, MeetingType.JUUSOU_SHIEN_KAIGI, on,
                        List.of("kurume-houkatsu-01"), java.time.LocalTime.of(14, 0), null, "市役所 401会議室"),
                new PlanningEvent.PlanDetailsCompleted("plan-1", caseId, m, PlanType.MULTI_AGENCY, 1,
                        List.of(new Role("kurume-houkatsu-01", "見守り")), on.plusMonths(3)),
                new MeetingEvent.CaseReviewAmended(caseId, m, "meeting-1", MeetingType.JUUSOU_SHIEN_KAIGI, on, 2,
                        ReviewOutcome.CONTINUE, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY,
                        List.of(new Role("kurume-houkatsu-01", "見守り")), on.plusMonths(3)),
                new MeetingEvent.MinutesAmended("meeting-1", m, MeetingType.JUUSOU_SHIEN_KAIGI, on, 2,
                        List.of("kurume-houkatsu-01"), List.of(caseId)),
                new IntakeEvent.DuplicateDismissed(caseId, "R6-000002", m, "case-0", "R6-000001", on),
                new IntakeEvent.DuplicateConfirmed(caseId, "R6-000002", m, "case-0", "R6-000001", on),
                new IntakeEvent.HouseholdLinked(caseId, "R6-000002", m, "household-1", on),
                new IntakeEvent.HouseholdUnlinked(caseId, "R6-000002", m, "household-1", on.plusDays(1)),
                new IntakeEvent.CaseImported(caseId, "R6-000002", m, "import-1", CaseStatus.PLAN_ACTIVE,
                        "kurume-houkatsu-01", on, on, PlanType.PARTICIPATION, on.plusDays(3), null));
        if (all.stream().map(e -> e.getClass()).distinct().count() != EventCatalog.all().size()) {
            throw new IllegalStateException("SampleEvents misses an event type of the contract: add it here");
        }
        return all;
    }
}
