package jp.tsunagu.support.security;

import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.ProblemType;

/**
 * A 403 for who the caller is rather than what they asked ({@link CurrentCaller}: a municipality Tsunagu does not
 * serve, an agency not in its directory): a refusal at the door, recorded on audited endpoints like a role's.
 */
public final class CallerRefused extends ApiProblem {

    CallerRefused(String detail) {
        super(new ProblemType(403, "forbidden", "Forbidden"), detail, null, null);
    }
}
