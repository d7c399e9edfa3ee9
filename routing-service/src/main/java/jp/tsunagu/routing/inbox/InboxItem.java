package jp.tsunagu.routing.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.InboxState;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.routing.referral.RoutingView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A case in an agency's inbox, with what the agency needs to triage it and nothing that identifies the person (the
 * person's details: intake-service's {@code GET /referrals/{caseId}/person}, once the agency has accepted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InboxItem")
public record InboxItem(
        String caseId,
        @Schema(description = "The case's 受付番号, as people read and say it (unique in the municipality and fiscal "
                + "year); absent for a case received before case numbers were given", example = "R8-000123")
        String caseNumber,
        @Schema(description = "AWAITING (your answer is due), ACCEPTED, DECLINED, EXPIRED (not answered by the "
                + "deadline: passed to multi-agency coordination), or JOINED (joined to the same person's earlier case "
                + "while awaited: no answer is awaited any more); the codes and labels of contract's InboxState")
        String state,
        @Schema(description = "ROUTED (to accept or decline) or OUTREACH (to visit)") RoutingDecision decision,
        @Schema(description = "Business date the case was routed to the agency") LocalDate routedOn,
        @Schema(description = "Business day the answer is due by (office days: no weekends, public holidays or "
                + "12/29–1/3)") LocalDate dueOn,
        @Schema(description = "Waiting for the answer past its due date") boolean overdue,
        Urgency urgency,
        AgeBand ageBand,
        String area,
        List<Concern> concerns,
        @Schema(description = "The household's shape: relations, age bands and concerns, no names")
        List<HouseholdMember> household,
        String referringAgencyId,
        @Schema(description = "The referring agency's name in its municipality's directory") String referringAgencyName,
        @Schema(description = "Why routing chose this agency") List<RoutingView.ReasonView> reasons,
        @Schema(description = "Business date of the agency's answer (or of the expiry)") LocalDate answeredOn,
        @Schema(description = "The agency's own reason for declining") String declineReason) {

    public static final String AWAITING = InboxState.AWAITING.name();
    public static final String ACCEPTED = InboxState.ACCEPTED.name();
    public static final String DECLINED = InboxState.DECLINED.name();
    public static final String EXPIRED = InboxState.EXPIRED.name();
    public static final String JOINED = InboxState.JOINED.name();
}
