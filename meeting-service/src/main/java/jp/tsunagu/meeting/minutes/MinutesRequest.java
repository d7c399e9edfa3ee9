package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.PlanTexts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /meetings/{meetingId}/minutes}. Codes arrive as strings so that every bad value is named at once. */
@Schema(name = "MinutesRequest")
public record MinutesRequest(
        @Schema(required = true, description = "The day the meeting was held (YYYY-MM-DD)") String heldOn,
        @Schema(description = "Who attended (出席者): each {name, agencyId} or {name, organisation} for one who is not "
                + "from an agency of the directory; a bare agency id is an agency with nobody named")
        List<Attendee> attendees,
        @Schema(description = "One outcome per case discussed, in the order discussed") List<ReviewRequest> reviews,
        @Schema(description = "When it began (HH:MM, Japan); absent with endTime: as scheduled") String startTime,
        @Schema(description = "When it ended (HH:MM, Japan)") String endTime,
        @Schema(description = "Where it was held (会場), at most 100 characters; absent: as scheduled") String place,
        @Schema(description = "Who chaired it (司会・進行), at most 100 characters") String chair,
        @Schema(description = "The meeting's overall notes (全体の記録), at most 4000 characters; confidential like "
                + "the reviews' notes") String notes) {

    /** Minutes without the meeting-level details. */
    public MinutesRequest(String heldOn, List<Attendee> attendees, List<ReviewRequest> reviews) {
        this(heldOn, attendees, reviews, null, null, null, null, null);
    }

    @Schema(name = "CaseReviewRequest")
    public record ReviewRequest(
            @Schema(required = true) String caseId,
            @Schema(required = true, enumeration = {"PLAN", "REPLAN", "CLOSE", "CONTINUE", "WATCH", "SHARE_INFO"})
            String outcome,
            @Schema(enumeration = {"MULTI_AGENCY", "OUTREACH", "PARTICIPATION"},
                    description = "Required for PLAN and REPLAN") String planType,
            List<RoleRequest> roles,
            @Schema(description = "Confidential note, at most 2000 characters") String note,
            @Schema(description = "Required when the case was not on the agenda (an ad-hoc review)") String reason,
            @Schema(description = "PLAN and REPLAN: the person's wish as the meeting heard it (本人の希望), at most "
                    + PlanTexts.WISH + " characters (the plan's limit: the plan takes it from here); confidential "
                    + "like the note, kept in the minutes and never in an event")
            String wish,
            @Schema(description = "PLAN and REPLAN: the goals agreed (目標), at most " + PlanTexts.GOALS
                    + " of at most " + PlanTexts.GOAL + " characters each (the plan's limits)")
            List<String> goals,
            @Schema(description = "PLAN and REPLAN: when the plan is next reviewed (YYYY-MM-DD, after the meeting); "
                    + "the plan is made with it") String reviewOn) {

        /** A review without a plan's terms. */
        public ReviewRequest(String caseId, String outcome, String planType, List<RoleRequest> roles, String note,
                             String reason) {
            this(caseId, outcome, planType, roles, note, reason, null, null, null);
        }

        @Override
        public String toString() {
            return "ReviewRequest[" + caseId + ", " + outcome + ", note, wish and goals not shown]"; // confidential
        }
    }

    @Schema(name = "RoleRequest")
    public record RoleRequest(@Schema(required = true) String agencyId,
                              @Schema(required = true, description = "What the agency takes on (役割分担), at most "
                                      + PlanTexts.RESPONSIBILITY + " characters (the plan's limit)")
                              String responsibility) {
    }
}
