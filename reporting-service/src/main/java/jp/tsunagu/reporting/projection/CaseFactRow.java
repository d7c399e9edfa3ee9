package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseStage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's row of facts ({@code case_fact}): what its referral said, its first routing decision, the dates of its
 * first meeting and first plan, and its stage. The live consumer and a replay both read a batch's rows, fold its
 * events into them in order with {@link #after} and write the rows back as they are, so no rule lives in SQL.
 * <p>
 * Two rules, each in one place: the stage is contract's {@link CaseStage}, the one fold of a case's status that
 * intake-service runs too (its ordering rule is stated there); the facts are reporting's own ({@link CaseFact}):
 * what is already there is kept, and of the routing, meeting and plan the earliest. Either way the row is the same
 * whatever order the stage topics' events arrive in.
 *
 * @param referral     what the referral said, null until it is seen
 * @param firstRouting the earliest routing decision, null until one is seen
 * @param stage        the case's status as the one fold left it: {@code stage} is its status, {@code stage_at} its
 *                     latest time, {@code duplicate_of} the case it was joined to (such a case is not a 相談 of its
 *                     own in the figures)
 * @param householdId  the household (世帯) the case is in now, null when none
 */
public record CaseFactRow(String caseId, String municipality, CaseFact.Referral referral,
                          CaseFact.Routing firstRouting, LocalDate firstMeetingOn, LocalDate firstPlanOn,
                          CaseStage stage, String householdId) {

    public CaseFactRow {
        stage = stage == null ? CaseStage.NONE : stage;
    }

    /** A case no event has been applied to. */
    public static CaseFactRow none(String caseId, String municipality) {
        return new CaseFactRow(caseId, municipality, null, null, null, null, CaseStage.NONE, null);
    }

    /**
     * The row after one more event of the case: its stage folded by {@link CaseStage#evolve}, its facts merged in.
     *
     * @param recordedAt the event's first recorded copy's time (a copy of an event then changes nothing)
     * @param facts      what the event knows of the case's facts ({@link ReportingProjection.Writes#facts})
     */
    public CaseFactRow after(TsunaguEvent event, Instant recordedAt, Iterable<CaseFact> facts) {
        CaseFactRow row = this;
        for (CaseFact fact : facts) {
            row = fact == CaseFact.Stage.FOLDED ? row.staged(event, recordedAt) : row.with(fact);
        }
        return row;
    }

    private CaseFactRow staged(TsunaguEvent event, Instant recordedAt) {
        CaseStage folded = stage.evolve(event, recordedAt).map(CaseStage.Step::after).orElse(stage);
        return new CaseFactRow(caseId, municipality, referral, firstRouting, firstMeetingOn, firstPlanOn, folded,
                householdId);
    }

    /**
     * The row with one more fact: the first referral kept, the earliest routing, meeting and plan; the household the
     * latest link left (an unlinking from another household than the current one changes nothing).
     */
    CaseFactRow with(CaseFact fact) {
        return switch (fact) {
            case CaseFact.Referral r -> referral != null ? this
                    : new CaseFactRow(caseId, municipality, r, firstRouting, firstMeetingOn, firstPlanOn, stage,
                    householdId);
            case CaseFact.Routing r -> firstRouting != null && !r.on().isBefore(firstRouting.on()) ? this
                    : new CaseFactRow(caseId, municipality, referral, r, firstMeetingOn, firstPlanOn, stage,
                    householdId);
            case CaseFact.MetOn m -> new CaseFactRow(caseId, municipality, referral, firstRouting,
                    earliest(firstMeetingOn, m.on()), firstPlanOn, stage, householdId);
            case CaseFact.PlannedOn p -> new CaseFactRow(caseId, municipality, referral, firstRouting,
                    firstMeetingOn, earliest(firstPlanOn, p.on()), stage, householdId);
            case CaseFact.Household h -> h.linked() ? inHousehold(h.householdId())
                    : h.householdId().equals(householdId) ? inHousehold(null) : this;
            case CaseFact.Stage s -> this; // folded with its event's time: after
        };
    }

    private CaseFactRow inHousehold(String household) {
        return new CaseFactRow(caseId, municipality, referral, firstRouting, firstMeetingOn, firstPlanOn, stage,
                household);
    }

    private static LocalDate earliest(LocalDate kept, LocalDate offered) {
        return kept == null || offered.isBefore(kept) ? offered : kept;
    }
}
