package jp.tsunagu.reporting.history;

import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.contract.status.CaseStatusRules;
import jp.tsunagu.contract.status.StatusChange;

import java.util.Optional;

/**
 * The one line a case history shows for an event: the line {@link CaseStatusRules} gives it, in Japanese, with no id
 * and never a personal value (the encrypted personal block of a referral is not even looked at), so an export can
 * carry it. Empty for events not about one case.
 */
public final class CaseEventSummary {

    private CaseEventSummary() {
    }

    public static Optional<String> of(TsunaguEvent event) {
        return CaseStatusRules.of(event).map(StatusChange::detail);
    }
}
