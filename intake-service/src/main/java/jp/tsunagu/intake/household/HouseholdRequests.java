package jp.tsunagu.intake.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The bodies of the household commands. */
public final class HouseholdRequests {

    private HouseholdRequests() {
    }

    @Schema(name = "NewHousehold")
    public record NewHousehold(@Schema(required = true, description = "Two or more cases of the municipality, each "
            + "in no household yet") List<String> caseIds) {
    }

    @Schema(name = "HouseholdMemberToAdd")
    public record NewMember(@Schema(required = true) String caseId) {
    }

    /** Why a case leaves its household, or why a suggestion is not the same household: personal, sealed. */
    @Schema(name = "HouseholdReason")
    public record Reason(@Schema(required = true, description = "理由 (free text, stays in intake sealed with the "
            + "case's data key; never on the log)", example = "別居して独立した世帯になったため") String reason) {
        @Override
        public String toString() {
            return "Reason[redacted]";
        }
    }
}
