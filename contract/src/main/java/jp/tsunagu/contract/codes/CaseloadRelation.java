package jp.tsunagu.contract.codes;

/**
 * Why a case is in an agency's caseload ({@link jp.tsunagu.contract.status.CaseProgress#relationOf}): the agency is
 * now responsible for it (routed to it, or accepted by it), or holds a role in one of its plans.
 */
public enum CaseloadRelation implements Coded {
    RESPONSIBLE("担当機関"),
    PLAN_ROLE("プランで役割");

    private final String label;

    CaseloadRelation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
