package jp.tsunagu.intake.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.events.HouseholdMember;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code GET /referrals/{caseId}/person}: the person behind a case, for those who must contact them. Never cached
 * and never logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReferredPerson", description = "The person behind a case with the contact details, as referred")
public record PersonView(
        String caseId,
        @Schema(description = "氏名") String name,
        @Schema(description = "ふりがな") String nameKana,
        @Schema(description = "生年月日 (YYYY-MM-DD)") String birthDate,
        @Schema(description = "Age today in Japan, from the birth date") Integer age,
        @Schema(description = "住所") String address,
        @Schema(description = "電話番号") String phone,
        @Schema(description = "相談の概要") String summary,
        @Schema(description = "The household as referred: relations, age bands and concerns, and the members' "
                + "name, nameKana and birthDate where the referral named them")
        List<Member> household) {

    /** A household member as referred (世帯員): the shape from the event, the names from the sealed fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PersonHouseholdMember")
    public record Member(Relation relation, AgeBand ageBand, List<Concern> concerns,
                         @Schema(description = "氏名", example = "久留米 一郎") String name,
                         @Schema(description = "ふりがな", example = "クルメ イチロウ") String nameKana,
                         @Schema(description = "生年月日 (YYYY-MM-DD)", example = "1969-05-01") String birthDate) {

        /** The member at {@code i} of the referral: its shape and, when it was named, its personal fields. */
        public static Member of(HouseholdMember shape, PersonalFields.MemberFields named) {
            return new Member(shape.relation(), shape.ageBand(), shape.concerns(),
                    named == null ? null : named.name(), named == null ? null : named.nameKana(),
                    named == null ? null : named.birthDate());
        }

        @Override
        public String toString() {
            return "PersonView.Member[" + relation + ", redacted]";
        }
    }

    /** Never the values: records print into logs and exception messages too easily. */
    @Override
    public String toString() {
        return "PersonView[" + caseId + ", redacted]";
    }
}
