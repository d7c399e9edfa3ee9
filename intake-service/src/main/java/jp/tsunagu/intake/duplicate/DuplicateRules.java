package jp.tsunagu.intake.duplicate;

import jp.tsunagu.intake.cases.DuplicateDecision;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every check of a decision on a possible duplicate, in one place and without Quarkus: what the request must say, and
 * when the two cases' state refuses it. A case joined to another (CONFIRM) is decided for good; a DISMISS may be
 * followed by a CONFIRM when the coordinator learns more.
 */
public final class DuplicateRules {

    static final int MAX_REASON = 1000;

    private DuplicateRules() {
    }

    /** A request that passed the field checks. */
    public record Valid(DuplicateDecision decision, String of, String reason) {

        @Override
        public String toString() {
            return "DuplicateRules.Valid[" + decision + ", " + of + ", redacted]";
        }
    }

    /**
     * One of the two cases as the decision needs it.
     *
     * @param planOpen   a plan of the case is running
     * @param joinedTo   the case it was joined to by an earlier CONFIRM, else null
     */
    public record CaseState(String caseId, boolean planOpen, String joinedTo) {
    }

    /** Why the request is refused, as a 409's slug and detail. */
    public record Refusal(String slug, String detail) {
    }

    /** The request's fields, all errors at once. */
    public static Optional<List<FieldError>> errors(String caseId, DuplicateRequest r) {
        List<FieldError> errors = new ArrayList<>();
        DuplicateDecision decision = Params.code(DuplicateDecision.class, r.decision(), "decision", true, errors);
        String of = r.of() == null || r.of().isBlank() ? null : r.of().strip();
        if (of == null) {
            errors.add(new FieldError("of", "required"));
        } else if (of.equals(caseId)) {
            errors.add(new FieldError("of", "another case than this one"));
        }
        Params.text(r.reason(), "reason", MAX_REASON, decision == DuplicateDecision.DISMISS, errors);
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
    }

    /** The valid request (call after {@link #errors} found none). */
    public static Valid valid(DuplicateRequest r) {
        List<FieldError> ignored = new ArrayList<>();
        return new Valid(DuplicateDecision.valueOf(r.decision()), r.of().strip(),
                Params.text(r.reason(), "reason", MAX_REASON, false, ignored));
    }

    /** Whether the two cases' state lets the decision be made. */
    public static Optional<Refusal> refusal(DuplicateDecision decision, CaseState joining, CaseState other) {
        if (joining.joinedTo() != null) {
            return Optional.of(new Refusal("duplicate-decided", "case " + joining.caseId()
                    + " was already joined to case " + joining.joinedTo() + " as a duplicate; it is not decided again"));
        }
        if (other.joinedTo() != null) {
            return Optional.of(new Refusal("duplicate-decided", "case " + other.caseId()
                    + " was itself joined to case " + other.joinedTo() + ": decide against that case"));
        }
        if (decision == DuplicateDecision.CONFIRM && joining.planOpen()) {
            return Optional.of(new Refusal("plan-running", "case " + joining.caseId()
                    + " has a plan running: close it (終結) before joining the case to another"));
        }
        return Optional.empty();
    }
}
