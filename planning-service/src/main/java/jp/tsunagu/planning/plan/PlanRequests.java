package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanTexts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of the plan API. Codes and dates arrive as strings so that every bad value is named at once. */
public final class PlanRequests {

    private PlanRequests() {
    }

    @Schema(name = "NewPlan")
    public record NewPlan(
            @Schema(required = true, enumeration = {"MULTI_AGENCY", "OUTREACH", "PARTICIPATION"}) String type,
            @Schema(required = true, description = "YYYY-MM-DD") String madeOn,
            @Schema(description = "本人の願い in the person's words, at most " + PlanTexts.WISH + " characters")
            String wish,
            @Schema(description = "The wish as tags for 参加支援 matching, e.g. running, employment, ibasho")
            List<String> wishTags,
            @Schema(description = "At most " + PlanTexts.GOALS + " goals of at most " + PlanTexts.GOAL
                    + " characters each") List<String> goals,
            List<RoleRequest> roles,
            @Schema(description = "When the plan is to be reviewed (YYYY-MM-DD)") String reviewOn,
            @Schema(description = "The 重層的支援会議 that adopted a 多機関協働プラン (required for MULTI_AGENCY)")
            String adoptedAtMeetingId) {
        @Override
        public String toString() {
            return "NewPlan[" + type + ", " + madeOn + ", wish and goals not shown]";
        }
    }

    /** {@code POST /households/{householdId}/plans}: one plan for the household (世帯の支援プラン). */
    @Schema(name = "NewHouseholdPlan")
    public record NewHouseholdPlan(
            @Schema(required = true, enumeration = {"MULTI_AGENCY", "OUTREACH", "PARTICIPATION"}) String type,
            @Schema(required = true, description = "YYYY-MM-DD") String madeOn,
            @Schema(description = "The 重層的支援会議 that adopted a 多機関協働プラン (required for MULTI_AGENCY); it "
                    + "reviewed each member case") String adoptedAtMeetingId,
            @Schema(description = "When the plan is to be reviewed (YYYY-MM-DD)") String reviewOn,
            @Schema(description = "世帯としての願い, at most " + PlanTexts.WISH + " characters") String householdWish,
            @Schema(description = "At most " + PlanTexts.GOALS + " goals of at most " + PlanTexts.GOAL
                    + " characters each") List<String> goals,
            @Schema(required = true, description = "The member cases the plan covers (its subjects), each a current "
                    + "member of the household, each once") List<HouseholdMember> members,
            @Schema(description = "Roles for the whole household") List<RoleRequest> householdRoles) {
        @Override
        public String toString() {
            return "NewHouseholdPlan[" + type + ", " + madeOn + ", wishes and goals not shown]";
        }
    }

    /** A subject of a household's plan: a member case, the member's own wish and the roles for that member. */
    @Schema(name = "HouseholdPlanMember")
    public record HouseholdMember(@Schema(required = true) String caseId,
                                  @Schema(description = "本人の願い, at most " + PlanTexts.WISH + " characters")
                                  String wish,
                                  List<String> wishTags, List<RoleRequest> roles) {
        @Override
        public String toString() {
            return "HouseholdMember[" + caseId + ", wish not shown]";
        }
    }

    @Schema(name = "PlanRevision")
    public record Revision(@Schema(required = true) String madeOn,
                           @Schema(required = true, description = "Why the plan is revised (再プラン)") String reason,
                           String wish, List<String> wishTags, List<String> goals, List<RoleRequest> roles,
                           String reviewOn) {
        @Override
        public String toString() {
            return "Revision[" + madeOn + ", reason, wish and goals not shown]";
        }
    }

    /**
     * Details filled in where the plan's current version has none: not a 再プラン. Roles a meeting named (agencies
     * without words) take their words here, for the same agencies.
     */
    @Schema(name = "PlanDetails")
    public record Details(String wish, List<String> wishTags, List<String> goals,
                          @Schema(description = "The roles, when the version has none; or, when a meeting's review "
                                  + "named its roles' agencies only, the responsibility of each of those agencies "
                                  + "(no other agency, none left out; words already written are not changed)")
                          List<RoleRequest> roles,
                          @Schema(description = "YYYY-MM-DD: when the plan is to be reviewed") String reviewOn) {
        @Override
        public String toString() {
            return "Details[wish and goals not shown]";
        }
    }

    /**
     * One member's own words in a household's plan, filled in where the current version has none for that member:
     * not a 再プラン. Roles the meeting named for the member (agencies without words) take their words here.
     */
    @Schema(name = "PlanSubjectDetails")
    public record SubjectDetails(@Schema(description = "本人の願い, at most " + PlanTexts.WISH + " characters")
                                 String wish,
                                 @Schema(description = "The wish as tags for 参加支援 matching") List<String> wishTags,
                                 @Schema(description = "The member's roles, when the member has none; or the "
                                         + "responsibility of each agency the meeting named for the member")
                                 List<RoleRequest> roles) {
        @Override
        public String toString() {
            return "SubjectDetails[wish not shown]";
        }
    }

    @Schema(name = "PlanClosure")
    public record Closure(@Schema(required = true) String closedOn,
                          @Schema(required = true, description = "Why the plan ends (終結)") String reason) {
    }

    @Schema(name = "PlanRole")
    public record RoleRequest(@Schema(required = true) String agencyId,
                              @Schema(required = true, description = "What the agency takes on, at most "
                                      + PlanTexts.RESPONSIBILITY + " characters") String responsibility) {
    }

    @Schema(name = "NewPlacement")
    public record NewPlacement(@Schema(required = true) String resourceId, @Schema(required = true) String placedOn) {
    }

    @Schema(name = "NewFollowUp")
    public record NewFollowUp(@Schema(required = true, enumeration = {"PERSON", "HOST"}) String side,
                              @Schema(required = true) String on,
                              @Schema(description = "At most 1000 characters; stays in planning-service") String note) {
        @Override
        public String toString() {
            return "NewFollowUp[" + side + ", " + on + ", note not shown]";
        }
    }
}
