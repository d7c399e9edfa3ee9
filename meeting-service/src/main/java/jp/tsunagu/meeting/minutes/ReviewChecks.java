package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.PlanTexts;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One review's fields as the minutes and their corrections check them, without Quarkus: the outcome and plan type
 * as codes, the roles of agencies of the municipality, the note's length, and a plan's terms within the plan's own
 * limits ({@code PlanTexts}). What the meeting may decide is {@link MinutesRules}'s.
 */
final class ReviewChecks {

    private ReviewChecks() {
    }

    /** Where and how a review is recorded: the meeting's date, the directory, and whether it is ad hoc. */
    record Reviewed(LocalDate heldOn, Set<String> agencies, boolean adHoc, String adHocReason) {
    }

    /** One review's fields, checked (errors named under {@code at}); the recording and a correction share it. */
    static MinutesRules.Review review(String at, MinutesRequest.ReviewRequest r, Reviewed where, List<FieldError> errors) {
        ReviewOutcome outcome = r.outcome() == null ? null : Coded.parse(ReviewOutcome.class, r.outcome()).orElse(null);
        if (outcome == null) {
            errors.add(new FieldError(at + ".outcome", "required; one of "
                    + String.join(", ", Coded.codes(ReviewOutcome.class))));
        }
        boolean plan = outcome != null && outcome.adoptsPlan();
        PlanType planType = null;
        if (r.planType() != null) {
            planType = Coded.parse(PlanType.class, r.planType()).orElse(null);
            if (planType == null) {
                errors.add(new FieldError(at + ".planType", "one of " + String.join(", ", Coded.codes(PlanType.class))));
            }
        } else if (plan) {
            errors.add(new FieldError(at + ".planType", "required for " + outcome));
        }
        List<Role> roles = new ArrayList<>();
        List<MinutesRequest.RoleRequest> givenRoles = r.roles() == null ? List.of() : r.roles();
        for (int j = 0; j < givenRoles.size(); j++) {
            MinutesRequest.RoleRequest role = givenRoles.get(j);
            String rat = at + ".roles[" + j + "]";
            if (role == null || role.agencyId() == null || !where.agencies().contains(role.agencyId())) {
                errors.add(new FieldError(rat + ".agencyId", "not an agency of this municipality"));
            } else {
                String responsibility = Params.text(role.responsibility(), rat + ".responsibility",
                        PlanTexts.RESPONSIBILITY, true, errors);
                if (responsibility != null) {
                    roles.add(new Role(role.agencyId(), responsibility));
                }
            }
        }
        if (Params.longerThan(r.note(), 2000)) {
            errors.add(new FieldError(at + ".note", "at most 2000 characters"));
        }
        return new MinutesRules.Review(r.caseId(), outcome, planType, roles, r.note(), where.adHoc(), where.adHocReason(),
                terms(at, r, plan, where.heldOn(), errors));
    }

    private static MinutesRules.PlanTerms terms(String at, MinutesRequest.ReviewRequest r, boolean plan, LocalDate heldOn,
                                   List<FieldError> errors) {
        boolean given = r.wish() != null || (r.goals() != null && !r.goals().isEmpty()) || r.reviewOn() != null;
        if (!given) {
            return MinutesRules.PlanTerms.NONE;
        }
        if (!plan) {
            errors.add(new FieldError(at + ".outcome", "wish, goals and reviewOn belong to a PLAN or REPLAN outcome"));
            return MinutesRules.PlanTerms.NONE;
        }
        // the plan's own limits (PlanTexts): words the minutes take are never refused later by the plan
        String wish = Params.text(r.wish(), at + ".wish", PlanTexts.WISH, false, errors);
        List<String> goals = new ArrayList<>();
        List<String> given2 = r.goals() == null ? List.of() : r.goals();
        if (given2.size() > PlanTexts.GOALS) {
            errors.add(new FieldError(at + ".goals", "at most " + PlanTexts.GOALS + " items"));
            given2 = List.of();
        }
        for (int k = 0; k < given2.size(); k++) {
            String goal = Params.text(given2.get(k), at + ".goals[" + k + "]", PlanTexts.GOAL, true, errors);
            if (goal != null) {
                goals.add(goal);
            }
        }
        LocalDate reviewOn = Params.date(r.reviewOn(), at + ".reviewOn", false, errors);
        if (reviewOn != null && heldOn != null && !reviewOn.isAfter(heldOn)) {
            errors.add(new FieldError(at + ".reviewOn", "must be after the day the meeting was held (" + heldOn + ")"));
        }
        return new MinutesRules.PlanTerms(wish, goals, reviewOn);
    }

}
