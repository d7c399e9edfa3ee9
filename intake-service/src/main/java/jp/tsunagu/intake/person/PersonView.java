package jp.tsunagu.intake.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.events.HouseholdMember;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code GET /referrals/{caseId}/person}: the person behind a case, for those who must contact them. Never cached
 * and never logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Person")
public record PersonView(
        String caseId,
        @Schema(description = "氏名") String name,
        @Schema(description = "ふりがな") String nameKana,
        @Schema(description = "生年月日 (YYYY-MM-DD)") String birthDate,
        @Schema(description = "Age today in Japan, from the birth date") Integer age,
        @Schema(description = "住所") String address,
        @Schema(description = "電話番号") String phone,
        @Schema(description = "相談の概要") String summary,
        @Schema(description = "The household's shape as referred: relations, age bands and concerns")
        List<HouseholdMember> household) {

    /** Never the values: records print into logs and exception messages too easily. */
    @Override
    public String toString() {
        return "PersonView[" + caseId + ", redacted]";
    }
}
