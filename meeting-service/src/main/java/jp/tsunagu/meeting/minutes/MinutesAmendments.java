package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a correction of held minutes (議事録の訂正) may change, without Quarkus. Every field of the minutes may be
 * corrected but the day the meeting was held; a review's outcome may be corrected only while it made, revised and
 * closed no plan (a plan built on it is changed through the plan: a 再プラン or its closure), and the plan terms and
 * roles of a PLAN or REPLAN the same way. A corrected outcome follows the rules of the recording
 * ({@code ReviewRules}: what the meeting type may decide for the person's consent; a REPLAN needs a running plan). A
 * household's note (世帯) is corrected as the minutes check it ({@link HouseholdMinutes#corrected}).
 */
public final class MinutesAmendments {

    private MinutesAmendments() {
    }

    /**
     * The minutes as they stand.
     *
     * @param version   the current version (1 when never corrected)
     * @param reviews   the reviews in the order discussed
     * @param consents  the consent known for each case reviewed
     * @param agencies  agency ids of the municipality's directory
     * @param runningPlans the types of plan running for each case reviewed, as planning-service announced them
     * @param households the households (世帯) discussed as one item, with their notes as the current version has them
     */
    public record Minutes(MeetingType type, LocalDate heldOn, int version, List<Attendee> attendees,
                          MinutesRules.Details details, List<MinutesRules.Review> reviews,
                          Map<String, Consent> consents, Set<String> agencies,
                          Map<String, Set<PlanType>> runningPlans, List<HouseholdMinutes.Household> households) {

        /** Minutes that discussed no household as one item. */
        public Minutes(MeetingType type, LocalDate heldOn, int version, List<Attendee> attendees,
                       MinutesRules.Details details, List<MinutesRules.Review> reviews, Map<String, Consent> consents,
                       Set<String> agencies, Map<String, Set<PlanType>> runningPlans) {
            this(type, heldOn, version, attendees, details, reviews, consents, agencies, runningPlans, List.of());
        }
    }

    /** A review the correction changed: as it was, and as it now is. */
    public record Changed(MinutesRules.Review before, MinutesRules.Review after) {
    }

    public sealed interface Result {
        /**
         * @param changed    in the order the minutes list them
         * @param households the households whose note the correction changes, with the new note
         */
        record Valid(int version, String reason, List<Attendee> attendees, MinutesRules.Details details,
                     List<Changed> changed, List<HouseholdMinutes.Household> households) implements Result {
        }

        record Invalid(List<FieldError> errors) implements Result {
        }

        record Conflict(String slug, String detail) implements Result {
        }
    }

    public static Result check(Minutes minutes, AmendmentRequest request) {
        List<FieldError> errors = new FieldErrors(); // bounded: 30,000 bad items keep the first errors
        String reason = Params.text(request.reason(), "reason", 300, true, errors);
        if (request.heldOn() != null) {
            errors.add(new FieldError("heldOn", "the day a meeting was held is not corrected by an amendment "
                    + "(it is " + minutes.heldOn() + ")"));
        }
        // a correction that names no attendee (absent, or an empty list as a form sends it) keeps those recorded
        List<Attendee> attendees = request.attendees() == null || request.attendees().isEmpty() ? minutes.attendees()
                : Attendees.check(request.attendees(), minutes.agencies(), errors);
        MinutesRules.Details details = details(minutes.details(), request, errors);
        Map<String, MinutesRules.Review> current = new LinkedHashMap<>();
        minutes.reviews().forEach(r -> current.put(r.caseId(), r));
        Map<String, MinutesRules.Review> corrected = new LinkedHashMap<>();
        List<MinutesRequest.ReviewRequest> given = request.reviews() == null ? List.of() : request.reviews();
        for (int i = 0; i < given.size(); i++) {
            MinutesRequest.ReviewRequest r = given.get(i);
            String at = "reviews[" + i + "]";
            if (r == null || r.caseId() == null || !current.containsKey(r.caseId())) {
                errors.add(new FieldError(at + ".caseId", "not a case reviewed in these minutes (a case left out "
                        + "is reviewed at its next meeting)"));
                continue;
            }
            if (corrected.containsKey(r.caseId())) {
                errors.add(new FieldError(at + ".caseId", "the same case twice in one amendment"));
                continue;
            }
            MinutesRules.Review before = current.get(r.caseId());
            corrected.put(r.caseId(), ReviewChecks.review(at, overlay(before, r),
                    new ReviewChecks.Reviewed(minutes.heldOn(), minutes.agencies(), before.adHoc(),
                            before.adHocReason()), errors));
        }
        List<HouseholdMinutes.Household> households = HouseholdMinutes.corrected(request.households(),
                minutes.households(), errors);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        List<Changed> changed = new ArrayList<>();
        for (MinutesRules.Review before : minutes.reviews()) {
            MinutesRules.Review after = corrected.get(before.caseId());
            if (after == null || after.equals(before)) {
                continue;
            }
            Result refused = refusal(minutes, before, after);
            if (refused != null) {
                return refused;
            }
            changed.add(new Changed(before, after));
        }
        if (changed.isEmpty() && households.isEmpty() && attendees.equals(minutes.attendees())
                && details.equals(minutes.details())) {
            return new Result.Invalid(List.of(new FieldError("reviews", "the amendment changes nothing in the "
                    + "minutes (version " + minutes.version() + ")")));
        }
        return new Result.Valid(minutes.version() + 1, reason, attendees, details, changed, households);
    }

    private static Result refusal(Minutes minutes, MinutesRules.Review before, MinutesRules.Review after) {
        boolean planMade = before.outcome().changesPlans();
        if (planMade && (after.outcome() != before.outcome() || after.planType() != before.planType())) {
            return new Result.Conflict("outcome-changed-a-plan", "case " + before.caseId() + ": its outcome "
                    + before.outcome() + " already changed the case's plans; correct the plan itself (a 再プラン "
                    + "or its closure) rather than the minutes");
        }
        if (before.outcome().adoptsPlan() && (!before.roles().equals(after.roles())
                || !Objects.equals(before.terms().reviewOn(), after.terms().reviewOn()))) {
            return new Result.Conflict("outcome-changed-a-plan", "case " + before.caseId() + ": the plan was made "
                    + "with these roles and review date; change them through the plan (a 再プラン)");
        }
        return MinutesRules.refusal(minutes.type(), minutes.consents(), minutes.runningPlans(), after) instanceof
                MinutesRules.Result.Conflict c ? new Result.Conflict(c.slug(), c.detail()) : null;
    }

    /**
     * The review as recorded, with the fields the correction gives laid over it; a plan's recorded terms are not
     * carried to an outcome that adopts no plan.
     */
    private static MinutesRequest.ReviewRequest overlay(MinutesRules.Review before, MinutesRequest.ReviewRequest r) {
        List<MinutesRequest.RoleRequest> roles = r.roles() != null ? r.roles() : before.roles().stream()
                .map(role -> new MinutesRequest.RoleRequest(role.agencyId(), role.responsibility())).toList();
        boolean adoptsPlan = r.outcome() == null ? before.outcome().adoptsPlan() : Coded.parse(ReviewOutcome.class,
                r.outcome()).map(ReviewOutcome::adoptsPlan).orElse(false);
        MinutesRules.PlanTerms t = adoptsPlan ? before.terms() : MinutesRules.PlanTerms.NONE;
        return new MinutesRequest.ReviewRequest(before.caseId(),
                r.outcome() != null ? r.outcome() : before.outcome().name(),
                r.planType() != null ? r.planType() : before.planType() == null ? null : before.planType().name(),
                roles, r.note() != null ? r.note() : before.note(), before.adHocReason(),
                r.wish() != null ? r.wish() : t.wish(), r.goals() != null ? r.goals() : t.goals(),
                r.reviewOn() != null ? r.reviewOn() : t.reviewOn() == null ? null : t.reviewOn().toString());
    }

    private static MinutesRules.Details details(MinutesRules.Details d, AmendmentRequest r, List<FieldError> errors) {
        MinutesRequest merged = MinutesRequest.details()
                .withTimes(r.startTime() != null ? r.startTime() : d.startTime() == null ? null : d.startTime().toString(),
                        r.endTime() != null ? r.endTime() : d.endTime() == null ? null : d.endTime().toString())
                .withPlace(r.place() != null ? r.place() : d.place())
                .withChair(r.chair() != null ? r.chair() : d.chair())
                .withNotes(r.notes() != null ? r.notes() : d.notes());
        return MinutesRules.details(merged, errors);
    }
}
