package jp.tsunagu.intake.household;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.intake.search.SuggestionBasis;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static jp.tsunagu.support.db.SqlValues.json;

/**
 * The "same household?" suggestions a case has (世帯候補; search/HouseholdIndex stores them with the referral): those
 * still offered (the view open_household_suggestion: not dismissed, the other case open, not in the same household). One per other case, by the
 * strongest basis. A dismissal ("別世帯") is kept with its reason sealed with the case's data key.
 */
@ApplicationScoped
public class HouseholdSuggestions {

    private final Database database;
    private final PersonalDataVault vault;

    public HouseholdSuggestions(Database database, PersonalDataVault vault) {
        this.database = database;
        this.vault = vault;
    }

    @Schema(name = "HouseholdSuggestion")
    public record Suggestion(String caseId,
                             @Schema(example = "R8-000001") String caseNumber,
                             @Schema(example = "RECEIVED") String status,
                             @Schema(example = "受付") String statusLabel,
                             @Schema(example = "MEMBER_IS_PERSON") SuggestionBasis basis,
                             @Schema(example = "世帯員の氏名・生年月日が一致") String basisLabel,
                             @Schema(description = "The other case's household, when it has one (この世帯に追加); else null", nullable = true)
                             String householdId) {
    }

    /** The case's open suggestions (the case must be of the caller's municipality, else 404). */
    public Uni<List<Suggestion>> of(Caller caller, String caseId) {
        return database.inTransaction(() -> ownCase(caller, caseId).chain(() -> database.list("""
                select distinct on (s.other_case_id) s.other_case_id, o.case_number, o.status, s.basis,
                       hm.household_id
                  from open_household_suggestion s join case_status o on o.case_id = s.other_case_id
                  left join household_member hm on hm.case_id = s.other_case_id and hm.unlinked_at is null
                 where s.case_id = $1
                 order by s.other_case_id,
                          array_position(array['MEMBER_IS_PERSON', 'PERSON_IS_MEMBER', 'SAME_ADDRESS'], s.basis)""",
                HouseholdSuggestions::suggestion, caseId)));
    }

    /** Not the same household: no longer offered to either case. */
    public Uni<Void> dismiss(Caller caller, String caseId, String otherCaseId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw HouseholdProblems.invalid("reason", "理由を入力してください");
        }
        return database.inTransaction(() -> ownCase(caller, caseId)
                .chain(() -> vault.erased(caseId))
                .chain(erased -> erased ? Uni.createFrom().<String>nullItem() : vault.seal(caseId,
                        reason.strip().getBytes(StandardCharsets.UTF_8)).map(s -> json(s)))
                .chain(sealed -> database.update("""
                                update household_suggestion set dismissed_at = now(), dismissed_by = $3,
                                       dismissal_sealed = case when case_id = $1 then $4 end
                                 where ((case_id = $1 and other_case_id = $2) or (case_id = $2 and other_case_id = $1))""", caseId, otherCaseId, caller.subject(), sealed))
                .map(n -> {
                    if (n == 0) {
                        throw ApiProblem.notFound("suggestion of case " + otherCaseId + " for case " + caseId);
                    }
                    return null;
                }));
    }

    private Uni<Void> ownCase(Caller caller, String caseId) {
        return database.first("select municipality from case_status where case_id = $1",
                row -> row.getString(0).trim(), caseId).map(m -> {
                    if (m.filter(caller.municipality()::equals).isEmpty()) {
                        throw ApiProblem.notFound("case " + caseId);
                    }
                    return null;
                });
    }

    private static Suggestion suggestion(Row row) {
        CaseStatus status = CaseStatus.valueOf(row.getString("status"));
        SuggestionBasis basis = SuggestionBasis.valueOf(row.getString("basis"));
        return new Suggestion(row.getString("other_case_id"), row.getString("case_number"), status.name(),
                status.label(), basis, basis.label(), row.getString("household_id"));
    }
}
