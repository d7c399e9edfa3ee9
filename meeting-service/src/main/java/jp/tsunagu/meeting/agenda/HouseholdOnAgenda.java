package jp.tsunagu.meeting.agenda;

import jp.tsunagu.support.problem.Problem;
import jp.tsunagu.support.problem.ProblemJapanese;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code PUT /households/{householdId}/agenda}'s answer: the household's cases on the meeting's agenda as one item, and
 * the waiting members the meeting may not take, each with why (the console shows both).
 */
@Schema(name = "HouseholdOnAgenda")
public record HouseholdOnAgenda(
        @Schema(description = "The household's cases on the meeting's agenda, as they now wait (one item)")
        List<WaitingCase> placed,
        @Schema(description = "Waiting members the meeting may not take; they stay where they wait. Empty when every "
                + "waiting member was placed") List<NotPlaced> notPlaced) {

    /** A waiting member left where it waits, and why, for programs ({@code problem}) and people ({@code detail}). */
    @Schema(name = "HouseholdMemberNotPlaced")
    public record NotPlaced(@Schema(example = "9c2e4f1a-7b3d-4e5f-8a6b-1c2d3e4f5a6b") String caseId,
                            @Schema(description = "Its 受付番号; absent for a case received before case numbers were "
                                    + "given", example = "R8-000007") String caseNumber,
                            @Schema(description = "The refusal's code, as the problem type of PUT /cases/{caseId}/agenda "
                                    + "would name it: wrong-track, meeting-held, meeting-past, no-case-agenda",
                                    example = "wrong-track") String problem,
                            @Schema(description = "Why, in Japanese, the case named by its 受付番号", example = "ケース "
                                    + "R8-000007: 重層的支援会議では検討できません。本人同意は「同意なし」で、支援会議を待っている"
                                    + "ケースです") String detail) {

        /** The member's refusal as people read it: in Japanese, the case named by its 受付番号 rather than its id. */
        static NotPlaced of(HouseholdAgenda.NotPlaced n, String caseNumber) {
            String english = caseNumber == null ? n.refusal().english()
                    : n.refusal().english().replace("case " + n.caseId() + ":", "case " + caseNumber + ":");
            String detail = ProblemJapanese.of(new Problem("/problems/" + n.refusal().slug(), "Conflict", 409,
                    english, null, null)).detail();
            return new NotPlaced(n.caseId(), caseNumber, n.refusal().slug(), detail);
        }
    }
}
