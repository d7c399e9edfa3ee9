package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * What a coordinator's case list shows and filters on, beside the status: the referral's non-identifying facts, the
 * fields routing found, the meeting track the case waits in, and the answer's deadline. Follows the events like
 * {@link CaseProgress}, of which it is part.
 *
 * @param dueOn      the current routing's deadline (null when the case is not waiting for an agency)
 * @param caseNumber the 受付番号 intake gave the referral (null before the referral is seen, or for one received
 *                   before numbers were given)
 */
public record CaseListing(String area, AgeBand ageBand, List<Concern> concerns, Urgency urgency, List<Field> fields,
                          MeetingType track, LocalDate dueOn, String caseNumber) {

    public static final CaseListing NONE = new CaseListing(null, null, List.of(), null, List.of(), null, null, null);

    public CaseListing {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The listing after one more event of the case. */
    public CaseListing after(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent.ReferralReceived r -> new CaseListing(r.area(), r.ageBand(), r.concerns(), r.urgency(),
                    fields, track, dueOn, r.caseNumber());
            case RoutingEvent.CaseRouted r -> new CaseListing(area, ageBand, concerns, urgency, r.fields(), track,
                    r.acceptBy(), caseNumber);
            case RoutingEvent.OutreachRequested r -> new CaseListing(area, ageBand, concerns, urgency, r.fields(),
                    track, r.acceptBy(), caseNumber);
            case RoutingEvent.CaseEscalated r -> new CaseListing(area, ageBand, concerns, urgency, r.fields(),
                    r.track(), null, caseNumber);
            case MeetingEvent.CaseQueued q -> new CaseListing(area, ageBand, concerns, urgency, fields, q.track(),
                    dueOn, caseNumber);
            default -> this;
        };
    }
}
