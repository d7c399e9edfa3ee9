package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The one upsert behind every change to a case's row of facts ({@code case_fact}). Each event fills in what it
 * knows and leaves the rest null; the merge keeps what is already there, the earliest date of a first routing,
 * meeting or plan (and the decision of that first routing), and the stage of the latest event by recorded time. So
 * the row is the same whatever order the stage topics' events arrive in.
 *
 * <p>An event's recorded time is the one of its first copy in {@code case_event}: a writer that died after Kafka
 * acknowledged an event but before it committed publishes the same event id again, later. The live consumer skips
 * that copy by its id; a replay reads both, and must let the second change nothing.
 */
final class CaseFactWrite {

    private static final String UPSERT = """
            insert into {s}.case_fact(case_id, municipality, received_on, channel, concerns, referring_agency, urgency,
                                      routed_on, decision, routed_agency, fields, first_meeting_on, first_plan_on,
                                      stage, stage_at)
            values (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n,
                    coalesce((select recorded_at from {s}.case_event where event_id = :p), :o))
            on conflict (case_id) do update set
              received_on = coalesce(case_fact.received_on, excluded.received_on),
              channel = coalesce(case_fact.channel, excluded.channel),
              concerns = coalesce(case_fact.concerns, excluded.concerns),
              referring_agency = coalesce(case_fact.referring_agency, excluded.referring_agency),
              urgency = coalesce(case_fact.urgency, excluded.urgency),
              decision = case when excluded.routed_on < case_fact.routed_on or case_fact.routed_on is null
                              then coalesce(excluded.decision, case_fact.decision) else case_fact.decision end,
              routed_agency = case when excluded.routed_on < case_fact.routed_on or case_fact.routed_on is null
                                   then coalesce(excluded.routed_agency, case_fact.routed_agency)
                                   else case_fact.routed_agency end,
              fields = case when excluded.routed_on < case_fact.routed_on or case_fact.routed_on is null
                            then coalesce(excluded.fields, case_fact.fields) else case_fact.fields end,
              routed_on = least(case_fact.routed_on, excluded.routed_on),
              first_meeting_on = least(case_fact.first_meeting_on, excluded.first_meeting_on),
              first_plan_on = least(case_fact.first_plan_on, excluded.first_plan_on),
              stage = case when excluded.stage is not null
                                and (case_fact.stage_at is null or case_fact.stage_at <= excluded.stage_at)
                           then excluded.stage else case_fact.stage end,
              stage_at = case when excluded.stage is not null
                                   and (case_fact.stage_at is null or case_fact.stage_at <= excluded.stage_at)
                              then excluded.stage_at else case_fact.stage_at end""";

    private CaseFactWrite() {
    }

    static Sql received(IntakeEvent.ReferralReceived e) {
        return upsert(e.caseId(), e.municipality(), e.receivedOn(), e.channel().name(),
                ReportingProjection.codes(e.concerns()), e.referringAgencyId(), e.urgency().name(), null, null, null,
                null, null, null, null, null, null);
    }

    static Sql routed(String caseId, String municipality, LocalDate on, RoutingDecision decision, String agencyId,
                        String fields) {
        return upsert(caseId, municipality, null, null, null, null, null, on, decision.name(), agencyId, fields, null,
                null, null, null, null);
    }

    static Sql firstMeeting(String caseId, String municipality, LocalDate heldOn) {
        return upsert(caseId, municipality, null, null, null, null, null, null, null, null, null, heldOn, null, null,
                null, null);
    }

    static Sql firstPlan(String caseId, String municipality, LocalDate madeOn) {
        return upsert(caseId, municipality, null, null, null, null, null, null, null, null, null, null, madeOn, null,
                null, null);
    }

    /** @param at the event's recorded time, used when {@code case_event} has no row for it */
    static Sql stage(EventEnvelope<?> envelope, CaseStatus stage, OffsetDateTime at) {
        return upsert(envelope.subject(), envelope.municipality(), null, null, null, null, null, null, null, null,
                null, null, null, stage.name(), at, envelope.id());
    }

    private static Sql upsert(String caseId, String municipality, LocalDate receivedOn, String channel,
                                String concerns, String referringAgency, String urgency, LocalDate routedOn,
                                String decision, String routedAgency, String fields, LocalDate firstMeetingOn,
                                LocalDate firstPlanOn, String stage, OffsetDateTime stageAt, String eventId) {
        return Sql.of(UPSERT, caseId, municipality, receivedOn, channel, concerns, referringAgency, urgency, routedOn,
                decision, routedAgency, fields, firstMeetingOn, firstPlanOn, stage, stageAt, eventId);
    }
}
