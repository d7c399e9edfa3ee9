package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.IntakeEvent;

import java.time.LocalDate;

/**
 * What one event knows of its case's row of facts ({@link CaseFactRow#with} keeps the first referral and the
 * earliest of the others). One kind per fact, so that no caller fills a row of nulls.
 */
public sealed interface CaseFact extends ReportingProjection.Write {

    /**
     * What the referral said.
     *
     * @param concerns the concern codes, comma-separated
     */
    record Referral(LocalDate receivedOn, String channel, String concerns, String referringAgency, String urgency)
            implements CaseFact {

        static Referral of(IntakeEvent.ReferralReceived e) {
            return new Referral(e.receivedOn(), e.channel().name(), ReportingProjection.codes(e.concerns()),
                    e.referringAgencyId(), e.urgency().name());
        }
    }

    /**
     * A routing decision.
     *
     * @param on       its business date
     * @param decision ROUTED / ESCALATED / OUTREACH
     * @param agency   the agency routed to (null for an escalation to 多機関協働事業)
     * @param fields   the fields' (分野) codes, comma-separated
     */
    record Routing(LocalDate on, String decision, String agency, String fields) implements CaseFact {

        Routing(LocalDate on, RoutingDecision decision, String agency, String fields) {
            this(on, decision.name(), agency, fields);
        }
    }

    /** A meeting reviewed the case on that day. */
    record MetOn(LocalDate on) implements CaseFact {
    }

    /**
     * The event moves the case's stage as contract's {@code CaseStage} folds it (every event about one case, its
     * meaning from {@code CaseStatusRules}).
     */
    enum Stage implements CaseFact {
        FOLDED
    }

    /** A plan was made for the case on that business day. */
    record PlannedOn(LocalDate on) implements CaseFact {
    }

    /**
     * The case joined a household (世帯: {@code household-linked}, {@code linked}) or left it
     * ({@code household-unlinked}): the row keeps the household it is in now. Intake writes both on the case's key, so
     * a case's links arrive in the order they were made.
     */
    record Household(String householdId, boolean linked) implements CaseFact {
    }
}
