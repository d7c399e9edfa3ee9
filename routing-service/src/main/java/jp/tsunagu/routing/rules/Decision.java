package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.Reason;

import java.util.List;

/**
 * What the rules decided for a case, with every reason.
 *
 * @param agencyId the agency routed to (ROUTED) or sent out (OUTREACH); null when ESCALATED
 * @param track    the meeting the case waits for when ESCALATED
 * @param urgent   an ad-hoc 支援会議 is needed now
 */
public record Decision(RoutingDecision decision, String agencyId, MeetingType track, boolean urgent,
                       List<Field> fields, List<Reason> reasons, String ruleSetVersion, String directoryVersion) {

    public Decision {
        fields = List.copyOf(fields);
        reasons = List.copyOf(reasons);
    }
}
