package jp.tsunagu.intake.search;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.cases.CaseList;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A coordinator finds a person's cases by kana (and birth date) through the blind index. */
@ApplicationScoped
public class CaseSearch {

    private final PersonIndex index;
    private final CaseList cases;

    public CaseSearch(PersonIndex index, CaseList cases) {
        this.index = index;
        this.cases = cases;
    }

    /** {@code POST /cases/search}: in the body, never in a URL or a log. */
    @Schema(name = "CaseSearchRequest")
    public record Request(@Schema(description = "The person's name in kana (ひらがな or カタカナ, full or half width)",
            required = true) String nameKana,
                          @Schema(description = "YYYY-MM-DD, narrows the match") String birthDate) {

        /** Never the values. */
        @Override
        public String toString() {
            return "CaseSearch.Request[redacted]";
        }
    }

    @Schema(name = "CaseSearchResult")
    public record Result(List<CaseList.Item> items) {
    }

    @InTransaction
    public Uni<Result> search(Caller caller, Request request, LocalDate today) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String kana = Params.name(request.nameKana(), "nameKana", 100, true, errors);
        LocalDate birth = Params.date(request.birthDate(), "birthDate", false, errors);
        if (kana != null && KanaName.normalize(kana).isEmpty()) {
            errors.add(new FieldError("nameKana", "holds no kana"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return index.find(caller.municipality(), kana, birth == null ? null : birth.toString())
                .chain(matches -> cases.items(caller.municipality(),
                        matches.stream().map(PersonIndex.Match::caseId).toList(), today))
                .map(Result::new);
    }
}
