package jp.tsunagu.routing.referral;

import jp.tsunagu.routing.rules.Decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A case's routing as routing-service keeps it.
 *
 * @param state      AWAITING (the agency must accept), ACCEPTED, ESCALATED, or JOINED (joined to the same person's
 *                   earlier case while awaited: no answer is awaited any more)
 * @param dueOn      the business day by which the agency must answer (null for an escalation)
 * @param declinedBy agencies that declined; the next decision skips them
 * @param seq        decisions made so far (names the next event ids)
 */
public record CaseRouting(String caseId, String municipality, String referringAgencyId, Decision decision,
                          String state, LocalDate routedOn, LocalDate dueOn, Set<String> declinedBy,
                          int seq) {

    public static final String AWAITING = "AWAITING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String ESCALATED = "ESCALATED";
    public static final String JOINED = "JOINED";

    public String agencyId() {
        return decision.agencyId();
    }

    /** The case counts toward its agency's load ("open cases") while it waits for the agency or is accepted by it. */
    public boolean holdsAgency() {
        return agencyId() != null && (AWAITING.equals(state) || ACCEPTED.equals(state));
    }
}
