package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.RoutingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What one event knows of its case's row of facts, the rest left null; {@link CaseFactRow#merge} puts it in the row.
 *
 * @param stageEventId for a stage, the event that set it: its first copy's recorded time is the stage's time
 */
record CaseFactWrite(CaseFactRow facts, String stageEventId) implements ReportingProjection.Write {

    static CaseFactWrite received(IntakeEvent.ReferralReceived e) {
        return of(new CaseFactRow(e.caseId(), e.municipality(), e.receivedOn(), e.channel().name(),
                ReportingProjection.codes(e.concerns()), e.referringAgencyId(), e.urgency().name(), null, null, null,
                null, null, null, null, null, null));
    }

    /** @param fields the fields' codes as the row keeps them */
    static CaseFactWrite routed(RoutingEvent.OfCase e, LocalDate on, RoutingDecision decision, String agencyId,
                                String fields) {
        return of(new CaseFactRow(e.caseId(), e.municipality(), null, null, null, null, null, on, decision.name(), agencyId,
                fields, null, null, null, null, null));
    }

    static CaseFactWrite firstMeeting(String caseId, String municipality, LocalDate heldOn) {
        return of(new CaseFactRow(caseId, municipality, null, null, null, null, null, null, null, null, null, heldOn,
                null, null, null, null));
    }

    static CaseFactWrite firstPlan(String caseId, String municipality, LocalDate madeOn) {
        return of(new CaseFactRow(caseId, municipality, null, null, null, null, null, null, null, null, null, null,
                madeOn, null, null, null));
    }

    /** @param at the event's recorded time, the stage's time unless an earlier copy of the event was recorded */
    static CaseFactWrite stage(EventEnvelope<?> envelope, CaseStatus stage, OffsetDateTime at) {
        return new CaseFactWrite(new CaseFactRow(envelope.subject(), envelope.municipality(), null, null, null, null,
                null, null, null, null, null, null, null, stage.name(), at, null), envelope.id());
    }

    /** The case was joined to another as a duplicate of its person: not a referral of its own any more. */
    static CaseFactWrite duplicate(IntakeEvent.DuplicateConfirmed e) {
        return of(new CaseFactRow(e.caseId(), e.municipality(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, e.duplicateOf()));
    }

    private static CaseFactWrite of(CaseFactRow facts) {
        return new CaseFactWrite(facts, null);
    }
}
