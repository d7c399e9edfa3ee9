package jp.tsunagu.routing.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.Reason;

import java.util.List;

/**
 * What the rules decided for a case, with every reason. The referral's urgency (至急) is not the rules' to decide: it
 * stays in the case's facts ({@link CaseFacts#urgency()}).
 *
 * @param agencyId the agency routed to (ROUTED) or sent out (OUTREACH); null when ESCALATED
 * @param track    the meeting the case waits for when ESCALATED
 * @param review   危険・緊急 (EMERGENCY): an ad-hoc 支援会議 is needed now; REGULAR otherwise
 */
public record Decision(RoutingDecision decision, String agencyId, MeetingType track, EmergencyReview review,
                       List<Field> fields, List<Reason> reasons, String ruleSetVersion, String directoryVersion) {

    public Decision {
        review = review == null ? EmergencyReview.REGULAR : review;
        fields = List.copyOf(fields);
        reasons = List.copyOf(reasons);
    }

    /** A decision as stored (decision_json): rows written before 2026-12 say {@code urgent} for the review. */
    @JsonCreator
    static Decision stored(@JsonProperty("decision") RoutingDecision decision,
                           @JsonProperty("agencyId") String agencyId, @JsonProperty("track") MeetingType track,
                           @JsonProperty("review") EmergencyReview review, @JsonProperty("urgent") Boolean urgent,
                           @JsonProperty("fields") List<Field> fields, @JsonProperty("reasons") List<Reason> reasons,
                           @JsonProperty("ruleSetVersion") String ruleSetVersion,
                           @JsonProperty("directoryVersion") String directoryVersion) {
        EmergencyReview read = review != null ? review : EmergencyReview.of(Boolean.TRUE.equals(urgent));
        return new Decision(decision, agencyId, track, read, fields, reasons, ruleSetVersion, directoryVersion);
    }

    /** Routed to an agency (or sent out for outreach): no meeting, no emergency review. */
    static Decision toAgency(RoutingDecision decision, String agencyId, List<Field> fields, List<Reason> reasons,
                             String ruleSetVersion, String directoryVersion) {
        return new Decision(decision, agencyId, null, EmergencyReview.REGULAR, fields, reasons, ruleSetVersion,
                directoryVersion);
    }

    /** Passed to 多機関協働事業, on {@code track}. */
    public static Decision escalated(MeetingType track, EmergencyReview review, List<Field> fields,
                                     List<Reason> reasons, String ruleSetVersion, String directoryVersion) {
        return new Decision(RoutingDecision.ESCALATED, null, track, review, fields, reasons, ruleSetVersion,
                directoryVersion);
    }
}
