package jp.tsunagu.intake.search;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jp.tsunagu.intake.cases.CaseList;
import jp.tsunagu.intake.cases.CaseNames;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A coordinator finds a person's cases by kana (and birth date) through the blind index. */
@ApplicationScoped
public class CaseSearch {

    /** A name typed in kanji (or letters) finds no one: the index knows only kana. Japanese in ProblemJapanese. */
    static final String NOT_KANA = "write the name in kana (hiragana or katakana), not in kanji or letters";

    private final PersonIndex index;
    private final CaseList cases;
    private final CaseNames names;

    public CaseSearch(PersonIndex index, CaseList cases, CaseNames names) {
        this.names = names;
        this.index = index;
        this.cases = cases;
    }

    /** {@code POST /cases/search}: in the body, never in a URL or a log. */
    @Schema(name = "CaseSearchRequest")
    public record Request(@Schema(description = "The person's name in kana (ひらがな or カタカナ, full or half width)",
            required = true) String nameKana,
                          @Schema(description = "生年月日 as a referral takes it: YYYY-MM-DD or 和暦 (昭和17年3月5日, S17.3.5, R1.5.1); "
                                  + "narrows the match", example = "昭和49年3月10日") String birthDate,
                          @Schema(description = "true: each result with the person's name and nameKana (the audit "
                                  + "entry lists the case ids)") Boolean withNames) {

        /** Never the values. */
        @Override
        public String toString() {
            return "CaseSearch.Request[redacted]";
        }
    }

    /**
     * @param given    which fields the search was given (never their values), for the audit trail
     * @param withNames whether the items carry names
     */
    @Schema(name = "CaseSearchResult")
    public record Result(List<CaseList.Item> items, @JsonIgnore List<String> given, @JsonIgnore boolean withNames) {
    }

    /** The audit entry's detail of a search: the fields given, whether names were read, the case ids found. */
    public static String auditDetail(Result result) {
        return "{\"given\":[" + result.given().stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "],\"withNames\":" + result.withNames() + ",\"caseIds\":["
                + result.items().stream().map(i -> "\"" + i.caseId() + "\"").collect(Collectors.joining(",")) + "]}";
    }

    @InTransaction
    public Uni<Result> search(Caller caller, Request request, LocalDate today) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String kana = Params.name(request.nameKana(), "nameKana", 100, true, errors);
        // the one reading of a birth date intake has: the referral's (ReferralRules)
        LocalDate birth = Params.japaneseDate(request.birthDate(), "birthDate", false, errors);
        if (kana != null && KanaName.normalize(kana).isEmpty()) {
            errors.add(new FieldError("nameKana", "holds no kana"));
        } else if (kana != null && !KanaName.isKana(kana)) {
            errors.add(new FieldError("nameKana", NOT_KANA));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        boolean withNames = Boolean.TRUE.equals(request.withNames());
        List<String> given = birth == null ? List.of("nameKana") : List.of("nameKana", "birthDate");
        return index.find(caller.municipality(), kana, birth == null ? null : birth.toString())
                .chain(matches -> cases.items(caller.municipality(),
                        matches.stream().map(PersonIndex.Match::caseId).toList(), today))
                .chain(items -> withNames ? names.read(items) : Uni.createFrom().item(items))
                .map(items -> new Result(items, given, withNames));
    }
}
