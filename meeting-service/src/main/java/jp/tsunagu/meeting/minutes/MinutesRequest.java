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
                + "the reviews' notes") String notes,
        @Schema(description = "What was said of each household (世帯) discussed as one item of the agenda: its "
                + "householdId (agenda[].householdId) and the note, at most " + HouseholdMinutes.NOTE
                + " characters, confidential like the notes; the reviews of its members stay one per case in reviews "
                + "and are written with the householdId") List<HouseholdNoteRequest> households) {

    /** Minutes without the meeting-level details (they follow with {@code with…}). */
    public MinutesRequest(String heldOn, List<Attendee> attendees, List<ReviewRequest> reviews) {
        this(heldOn, attendees, reviews, null, null, null, null, null);
    }

    /** Minutes without household notes. */
    public MinutesRequest(String heldOn, List<Attendee> attendees, List<ReviewRequest> reviews, String startTime,
                          String endTime, String place, String chair, String notes) {
        this(heldOn, attendees, reviews, startTime, endTime, place, chair, notes, null);
    }

    /** The notes on the households discussed as one item. */
    public MinutesRequest withHouseholds(List<HouseholdNoteRequest> newHouseholds) {
        return new MinutesRequest(heldOn, attendees, reviews, startTime, endTime, place, chair, notes, newHouseholds);
    }

    /** A household's note in the minutes (世帯としての検討内容). */
    @Schema(name = "MinutesHouseholdRequest")
    public record HouseholdNoteRequest(@Schema(required = true, example = "h-6f1c2a9e") String householdId,
                                       @Schema(example = "世帯としての検討内容") String note) {
        @Override
        public String toString() {
            return "HouseholdNoteRequest[" + householdId + ", note not shown]"; // confidential
        }
    }

    /** Only the meeting-level details, given with {@code with…}: what a correction lays over the record. */
    public static MinutesRequest details() {
        return new MinutesRequest(null, null, null);
    }

    /** When it began and ended. */
    public MinutesRequest withTimes(String newStartTime, String newEndTime) {
        return new MinutesRequest(heldOn, attendees, reviews, newStartTime, newEndTime, place, chair, notes, households);
    }

    public MinutesRequest withPlace(String newPlace) {
        return new MinutesRequest(heldOn, attendees, reviews, startTime, endTime, newPlace, chair, notes, households);
    }

    public MinutesRequest withChair(String newChair) {
        return new MinutesRequest(heldOn, attendees, reviews, startTime, endTime, place, newChair, notes, households);
    }

    public MinutesRequest withNotes(String newNotes) {
        return new MinutesRequest(heldOn, attendees, reviews, startTime, endTime, place, chair, newNotes, households);
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

        /** The case's review with its outcome (null in a correction: the outcome recorded stays); the rest with… */
        public static ReviewRequest of(String caseId, String outcome) {
            return new ReviewRequest(caseId, outcome, null, null, null, null);
        }

        /** The type of plan a PLAN or REPLAN makes. */
        public ReviewRequest withPlanType(String newPlanType) {
            return new ReviewRequest(caseId, outcome, newPlanType, roles, note, reason, wish, goals, reviewOn);
        }

        /** The roles (役割分担) of the plan it makes. */
        public ReviewRequest withRoles(List<RoleRequest> newRoles) {
            return new ReviewRequest(caseId, outcome, planType, newRoles, note, reason, wish, goals, reviewOn);
        }

        public ReviewRequest withNote(String newNote) {
            return new ReviewRequest(caseId, outcome, planType, roles, newNote, reason, wish, goals, reviewOn);
        }

        /** Why a case not on the agenda was reviewed (an ad-hoc review). */
        public ReviewRequest withReason(String newReason) {
            return new ReviewRequest(caseId, outcome, planType, roles, note, newReason, wish, goals, reviewOn);
        }

        /** A plan's terms: the person's wish (本人の希望) and the goals (目標). */
        public ReviewRequest withTerms(String newWish, List<String> newGoals) {
            return new ReviewRequest(caseId, outcome, planType, roles, note, reason, newWish, newGoals, reviewOn);
        }

        /** When the plan is next reviewed (YYYY-MM-DD). */
        public ReviewRequest withReviewOn(String newReviewOn) {
            return new ReviewRequest(caseId, outcome, planType, roles, note, reason, wish, goals, newReviewOn);
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
