package jp.tsunagu.planning.plan;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Problem;
import jp.tsunagu.support.problem.ProblemMappers;
import jp.tsunagu.support.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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

    /**
     * 409 {@code household-plan-made}: the named 重層的支援会議's reviews already made the household's plan; its id is
     * the extension member {@code planId} and is named in the detail.
     */
    static final class MadeAtMeeting extends RuntimeException {
        private final String planId;

        MadeAtMeeting(String planId) {
            super("the meeting already made the household's plan " + planId, null, false, false);
            this.planId = planId;
        }
    }

    /** The 409 document with the plan's id as an extension member (ProblemMappers.withMember). */
    public static class Mapper {
        @ServerExceptionMapper
        public Response madeAtMeeting(MadeAtMeeting e, UriInfo uri, HttpHeaders headers) {
            Problem problem = new Problem("/problems/household-plan-made", "Conflict", 409,
                    "the meeting's reviews already made this household's plan (" + e.planId + "): each member's "
                            + "words are filled in with PUT /plans/{planId}/subjects/{caseId}",
                    "/" + uri.getPath().replaceFirst("^/", ""), null);
            return ProblemMappers.withMember(problem, "この会議で世帯のプランはすでに作成されています（" + e.planId
                    + "）。各世帯員の内容は PUT /plans/{planId}/subjects/{caseId} で入力します", headers, "planId", e.planId);
        }
    }
}
