package jp.tsunagu.planning.plan;

import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.ProblemType;

import java.util.List;

/**
 * A household's plan that cannot be as asked (422, problem type household-plan): a member outside the household, none,
 * one twice, one with a running plan of the type. Each field is named with the reason in Japanese.
 */
final class HouseholdProblem extends ApiProblem {

    HouseholdProblem(List<FieldError> errors) {
        super(new ProblemType(422, "household-plan", "Unprocessable household plan"),
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors, null);
    }
}
