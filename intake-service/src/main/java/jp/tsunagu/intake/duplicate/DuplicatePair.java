package jp.tsunagu.intake.duplicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jp.tsunagu.intake.cases.CaseList;
import jp.tsunagu.intake.cases.DuplicateDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /cases/{caseId}/duplicate}: a case and its possible duplicate side by side, for a coordinator to decide
 * (or to read what was decided).
 *
 * @param cases the case first, then the other one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DuplicatePair")
public record DuplicatePair(String caseId,
                            @Schema(description = "The other case shown: ?of=, else the one last decided about, "
                                    + "else possibleDuplicateOf") String of,
                            @Schema(description = "The latest decision about this case, absent before one")
                            Decision decision,
                            List<Side> cases) {

    /** One case as the comparison shows it: its list item (names with ?withNames=true), agency names, birth date. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DuplicatePairCase")
    public record Side(@JsonProperty("case") CaseList.Item item,
                       @Schema(description = "The referring agency's name in the directory") String referringAgencyName,
                       @Schema(description = "The responsible agency's name") String agencyName,
                       @Schema(description = "生年月日 (YYYY-MM-DD), with ?withNames=true") String birthDate) {

        @Override
        public String toString() {
            return "DuplicatePair.Side[" + item.caseId() + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DuplicatePairDecision")
    public record Decision(DuplicateDecision decision, String decisionLabel, String of,
                           @Schema(description = "The coordinator's reason (absent when none was given, or the "
                                   + "person was erased)") String reason,
                           LocalDate decidedOn, Instant decidedAt,
                           @Schema(description = "Who decided (the identity provider's subject)") String decidedBy) {

        @Override
        public String toString() {
            return "DuplicatePair.Decision[" + decision + ", " + of + ", redacted]";
        }
    }
}
