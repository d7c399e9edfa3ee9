package jp.tsunagu.system;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.directory.AgencyRole;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a row of a {@link CaseloadSheet} says its case went through, written out here from the table of
 * statuses (not taken from the contract's ImportedStages, so that the test can tell when the import counts wrong):
 * the 状態 and プラン種別 it shows, the agency it names (by role) and the stages the import must create.
 */
enum RowKind {
    //                  状態                   プラン種別               担当機関                 hand            accepted planned closed
    RECEIVED(CaseStatus.RECEIVED, null, null, Hand.BY_RULES, false, false, false),
    ROUTED(CaseStatus.ROUTED, null, AgencyRole.CONSULTATION, Hand.ROUTED, false, false, false),
    ACCEPTED(CaseStatus.ACCEPTED, null, AgencyRole.CONSULTATION, Hand.ROUTED, true, false, false),
    ESCALATED(CaseStatus.ESCALATED, null, null, Hand.ESCALATED, false, false, false),
    IN_MEETING(CaseStatus.IN_MEETING, null, null, Hand.ESCALATED, false, false, false),
    IN_OUTREACH(CaseStatus.IN_OUTREACH, null, AgencyRole.OUTREACH, Hand.OUTREACH, true, false, false),
    // a 多機関協働プラン is the meeting's: passed to 多機関協働, no agency named, none accepted it
    ACTIVE_MULTI_AGENCY(CaseStatus.PLAN_ACTIVE, PlanType.MULTI_AGENCY, null, Hand.ESCALATED, false, true, false),
    ACTIVE_OUTREACH(CaseStatus.PLAN_ACTIVE, PlanType.OUTREACH, AgencyRole.OUTREACH, Hand.OUTREACH, true, true, false),
    ACTIVE_PARTICIPATION(CaseStatus.PLAN_ACTIVE, PlanType.PARTICIPATION, AgencyRole.PARTICIPATION, Hand.ROUTED, true,
            true, false),
    CLOSED_MULTI_AGENCY(CaseStatus.CLOSED, PlanType.MULTI_AGENCY, null, Hand.ESCALATED, false, true, true),
    CLOSED_OUTREACH(CaseStatus.CLOSED, PlanType.OUTREACH, AgencyRole.OUTREACH, Hand.OUTREACH, true, true, true),
    CLOSED_PARTICIPATION(CaseStatus.CLOSED, PlanType.PARTICIPATION, AgencyRole.PARTICIPATION, Hand.ROUTED, true, true,
            true);

    /** How the case left intake: routed by the live rules, to the named agency, to 多機関協働, to アウトリーチ. */
    enum Hand { BY_RULES, ROUTED, ESCALATED, OUTREACH }

    final CaseStatus status;
    final PlanType planType;
    final AgencyRole agencyRole;
    final Hand hand;
    final boolean accepted;
    final boolean planned;
    final boolean closed;

    RowKind(CaseStatus status, PlanType planType, AgencyRole agencyRole, Hand hand, boolean accepted, boolean planned,
            boolean closed) {
        this.status = status;
        this.planType = planType;
        this.agencyRole = agencyRole;
        this.hand = hand;
        this.accepted = accepted;
        this.planned = planned;
        this.closed = closed;
    }

    /**
     * A city's mix in 40 rows, repeated: most cases routed and accepted, a fifth passed to 多機関協働, a few reached by
     * outreach, a quarter with a plan of some type and a third of those closed. Shuffled once (fixed seed) so that
     * neighbouring rows differ, as in a real list.
     */
    static final List<RowKind> MIX;

    static {
        List<RowKind> mix = new ArrayList<>();
        add(mix, RECEIVED, 4);
        add(mix, ROUTED, 5);
        add(mix, ACCEPTED, 9);
        add(mix, ESCALATED, 4);
        add(mix, IN_MEETING, 2);
        add(mix, IN_OUTREACH, 2);
        add(mix, ACTIVE_MULTI_AGENCY, 4);
        add(mix, ACTIVE_OUTREACH, 2);
        add(mix, ACTIVE_PARTICIPATION, 2);
        add(mix, CLOSED_MULTI_AGENCY, 2);
        add(mix, CLOSED_OUTREACH, 2);
        add(mix, CLOSED_PARTICIPATION, 2);
        Collections.shuffle(mix, new java.util.Random(31));
        MIX = List.copyOf(mix);
    }

    private static void add(List<RowKind> mix, RowKind kind, int count) {
        for (int i = 0; i < count; i++) {
            mix.add(kind);
        }
    }
}
