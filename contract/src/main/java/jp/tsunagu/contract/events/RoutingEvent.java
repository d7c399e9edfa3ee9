package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.AgencyDirectory;

import java.time.LocalDate;
import java.util.List;

/** Events of routing-service, on {@link jp.tsunagu.contract.Topics#ROUTING}. */
public sealed interface RoutingEvent extends TsunaguEvent {

    /** Routing events about one case. */
    sealed interface OfCase extends RoutingEvent {
        String caseId();

        @Override
        default String subject() {
            return caseId();
        }
    }

    /**
     * つなぐ: the case was handed to one agency, which must accept or decline it by {@code acceptBy} (a business day;
     * null in events recorded before deadlines were counted in business days).
     */
    @EventType("jp.tsunagu.routing.case-routed.v1")
    record CaseRouted(String caseId, String municipality, String agencyId, List<Field> fields, List<Reason> reasons,
                      String ruleSetVersion, String directoryVersion,
                      @MayBeNull("routed before acceptance deadlines were announced") LocalDate acceptBy)
            implements OfCase {
        public CaseRouted {
            fields = List.copyOf(fields);
            reasons = List.copyOf(reasons);
        }

        /** Without a deadline, as events recorded before it was counted. */
        public CaseRouted(String caseId, String municipality, String agencyId, List<Field> fields,
                          List<Reason> reasons, String ruleSetVersion, String directoryVersion) {
            this(caseId, municipality, agencyId, fields, reasons, ruleSetVersion, directoryVersion, null);
        }
    }

    /**
     * Passed to 多機関協働事業: queued for the meeting of {@code track}. It says the referral's {@code urgency} as the
     * referrer gave it (至急 stays 至急 after a decline), whether the case needs an ad-hoc 支援会議 now ({@code review}:
     * 危険・緊急) and the person's {@code consent} as routing knows it, so the meeting infers neither from the track.
     * Records of {@code case-escalated.v1} are read as this ({@link CaseEscalatedV1#current()}).
     */
    @EventType("jp.tsunagu.routing.case-escalated.v2")
    record CaseEscalated(String caseId, String municipality, MeetingType track, Urgency urgency,
                         EmergencyReview review,
                         @MayBeNull("read from a case-escalated.v1 record, which did not say: the meeting takes the "
                                 + "consent it knows, else UNKNOWN") Consent consent,
                         List<Field> fields, List<Reason> reasons, String ruleSetVersion, String directoryVersion)
            implements OfCase {
        public CaseEscalated {
            fields = List.copyOf(fields);
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * {@code case-escalated} as recorded before 2026-12 (read, never written): {@code urgent} meant 緊急 with abuse or
     * violence, an ad-hoc 支援会議 now. Read as v2: urgent → urgency 緊急 and review 危険・緊急; otherwise the
     * referral's urgency is not known and reads as 通常 (routine); consent as {@link #consentOf} says.
     */
    @EventType("jp.tsunagu.routing.case-escalated.v1")
    record CaseEscalatedV1(String caseId, String municipality, MeetingType track, boolean urgent, List<Field> fields,
                           List<Reason> reasons, String ruleSetVersion, String directoryVersion)
            implements OlderVersion<CaseEscalated> {
        public CaseEscalatedV1 {
            fields = List.copyOf(fields);
            reasons = List.copyOf(reasons);
        }

        @Override
        public CaseEscalated current() {
            return new CaseEscalated(caseId, municipality, track, urgencyOf(urgent), EmergencyReview.of(urgent),
                    consentOf(track), fields, reasons, ruleSetVersion, directoryVersion);
        }

        /**
         * v1 did not say the consent, but routing chose the 重層的支援会議 only for a person who had given it (every
         * other case went to the 支援会議, which needs none): GIVEN there, not known (null) otherwise.
         */
        static Consent consentOf(MeetingType track) {
            return track == MeetingType.JUUSOU_SHIEN_KAIGI ? Consent.GIVEN : null;
        }

        /** v1's urgent was set for 緊急 referrals only (with abuse or violence); any other is not known: 通常. */
        static Urgency urgencyOf(boolean urgent) {
            return urgent ? Urgency.EMERGENCY : Urgency.ROUTINE;
        }
    }

    /**
     * Handed to アウトリーチ等を通じた継続的支援事業 for a person who cannot or will not come; the agency answers by
     * {@code acceptBy} as for {@link CaseRouted}.
     */
    @EventType("jp.tsunagu.routing.outreach-requested.v1")
    record OutreachRequested(String caseId, String municipality,
                             @MayBeNull("no outreach team in the directory") String agencyId, List<Field> fields,
                             List<Reason> reasons, String ruleSetVersion, String directoryVersion,
                             @MayBeNull("requested before acceptance deadlines were announced, or no team")
                             LocalDate acceptBy) implements OfCase {
        public OutreachRequested {
            fields = List.copyOf(fields);
            reasons = List.copyOf(reasons);
        }

        /** Without a deadline, as events recorded before it was counted. */
        public OutreachRequested(String caseId, String municipality, String agencyId, List<Field> fields,
                                 List<Reason> reasons, String ruleSetVersion, String directoryVersion) {
            this(caseId, municipality, agencyId, fields, reasons, ruleSetVersion, directoryVersion, null);
        }
    }

    @EventType("jp.tsunagu.routing.routing-accepted.v1")
    record RoutingAccepted(String caseId, String municipality, String agencyId) implements OfCase {
    }

    /**
     * The assigned agency declined. Why is free text that may name the person: it stays in routing-service (erased
     * with the person, shown to the referrer and coordinators by {@code GET /cases/{caseId}/routing}), never in the log.
     *
     * @param reason only in records written before 2026-12 (a permanent topic keeps what it was given); always null since
     */
    @EventType("jp.tsunagu.routing.routing-declined.v1")
    record RoutingDeclined(String caseId, String municipality, String agencyId,
                           @MayBeNull("written from 2026-12 on, i.e. always now: the reason stays in routing-service")
                           String reason) implements OfCase {

        /** A decline as it is logged: without its reason. */
        public RoutingDeclined(String caseId, String municipality, String agencyId) {
            this(caseId, municipality, agencyId, null);
        }
    }

    /** Nobody accepted within the configured number of days; emitted by the scheduled check. */
    @EventType("jp.tsunagu.routing.acceptance-overdue.v1")
    record AcceptanceOverdue(String caseId, String municipality, String agencyId, LocalDate routedOn, int daysWaited)
            implements OfCase {
    }

    /**
     * A municipality's agency directory took effect. It carries the whole directory, so a replay knows exactly
     * which agencies and areas a later decision naming {@code directoryVersion} saw.
     */
    @EventType("jp.tsunagu.routing.directory-changed.v1")
    record DirectoryChanged(String municipality, String directoryVersion, String checksum, AgencyDirectory directory)
            implements RoutingEvent {

        @Override
        public String subject() {
            return "directory/" + municipality;
        }
    }
}
