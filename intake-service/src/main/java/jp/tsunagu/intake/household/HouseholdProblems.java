package jp.tsunagu.intake.household;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Problem;
import jp.tsunagu.support.problem.ProblemJapanese;
import jp.tsunagu.support.problem.ProblemMappers;
import jp.tsunagu.support.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The problems of households: 422 for a request that cannot be a household (field errors, messages in Japanese as
 * the console shows them), and 409 {@code household-conflict} with the household's id as an extension member and
 * its 受付番号 in the detail (in Japanese when Accept-Language asks for it).
 */
public final class HouseholdProblems {

    private HouseholdProblems() {
    }

    /** 422 naming the field. */
    static ApiProblem invalid(String field, String message) {
        return new Unprocessable(List.of(new FieldError(field, message)));
    }

    static final class Unprocessable extends ApiProblem {
        Unprocessable(List<FieldError> errors) {
            super(new ProblemType(422, "validation", "Unprocessable request"),
                    errors.getFirst().field() + ": " + errors.getFirst().message(), errors, null);
        }
    }

    /** 409: the case is already in a household (another one, or this one). */
    public static final class Conflict extends RuntimeException {
        private final HouseholdRules.Refusal.InHousehold refusal;

        Conflict(HouseholdRules.Refusal.InHousehold refusal) {
            super("case " + refusal.caseId() + " is already in a household", null, false, false);
            this.refusal = refusal;
        }
    }

    /** Turns a refusal of {@link HouseholdRules} into the problem thrown. */
    static RuntimeException of(HouseholdRules.Refusal refusal) {
        return switch (refusal) {
            case HouseholdRules.Refusal.Invalid i -> invalid(i.field(), i.message());
            case HouseholdRules.Refusal.InHousehold h -> new Conflict(h);
        };
    }

    /** The 409 document with the household's id as an extension member (ProblemMappers.withMember). */
    public static class Mapper {
        @ServerExceptionMapper
        public Response conflict(Conflict e, UriInfo uri, HttpHeaders headers) {
            HouseholdRules.Refusal.InHousehold r = e.refusal;
            String number = r.caseNumber() == null ? r.caseId() : r.caseNumber();
            Problem problem = new Problem("/problems/household-conflict", "Conflict", 409,
                    "case " + number + " already belongs to the household " + r.householdLabel() + " ("
                            + r.householdId() + "): unlink it there first",
                    "/" + uri.getPath().replaceFirst("^/", ""), null);
            return ProblemMappers.withMember(problem, "案件 " + number + " はすでに" + r.householdLabel() + "に属しています",
                    headers, "householdId", r.householdId());
        }
    }
}
