package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What minutes may record, by meeting type, without Quarkus:
 * <ul>
 *   <li>重層的支援会議 handles cases with consent: it adopts, revises and closes plans and assigns roles;</li>
 *   <li>支援会議 (社会福祉法第106条の6) handles cases without consent under a duty of confidentiality: it shares
 *       information and sets watch-over, and never adopts a plan (no consent, no plan);</li>
 *   <li>考える会 and 代表者会議 have no case agenda;</li>
 *   <li>minutes are recorded once; a case not on the agenda may be reviewed with a reason (an ad-hoc review).</li>
 * </ul>
 */
public final class MinutesRules {

    private MinutesRules() {
    }

    /** A case's outcome as it will be recorded. */
    public record Review(String caseId, ReviewOutcome outcome, PlanType planType, List<Role> roles, String note,
                         boolean adHoc, String adHocReason) {
        @Override
        public String toString() {
            return "Review[" + caseId + ", " + outcome + "]"; // the note is confidential
        }
    }

    public sealed interface Result {
        /** @param reviews in the order given (the order discussed) */
        record Valid(LocalDate heldOn, List<String> attendees, List<Review> reviews, Details details)
                implements Result {
        }

        record Invalid(List<FieldError> errors) implements Result {
        }

        /** The request is well-formed but the meeting's rules forbid it (409). */
        record Conflict(String slug, String detail) implements Result {
        }
    }

    /**
     * The meeting the minutes are for, as they stand.
     *
     * @param alreadyHeldOn the meeting's recorded held date, or null when no minutes exist yet
     * @param agenda        cases queued for this meeting
     * @param consents      the consent known for each case
     * @param agencies      agency ids of the municipality's directory
     */
    /**
     * The meeting as it stands, and what is known of the cases its minutes name.
     *
     * @param receivedOn the day each named case was received (a meeting cannot review a case before it)
     */
    public record Meeting(MeetingType type, LocalDate alreadyHeldOn, Set<String> agenda, Map<String, Consent> consents,
                          Set<String> agencies, Map<String, LocalDate> receivedOn) {
    }

    /** The meeting-level record: time, place, chair and overall notes (each may be absent). */
    public record Details(LocalTime startTime, LocalTime endTime, String place, String chair, String notes) {

        public static final Details NONE = new Details(null, null, null, null, null);

        @Override
        public String toString() {
            return "Details[" + startTime + "-" + endTime + ", notes not shown]";
        }
    }

    static Details details(MinutesRequest request, List<FieldError> errors) {
        LocalTime start = time(request.startTime(), "startTime", errors);
        LocalTime end = time(request.endTime(), "endTime", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("endTime", "must be after startTime"));
        }
        return new Details(start, end, Params.text(request.place(), "place", 100, false, errors),
                Params.text(request.chair(), "chair", 100, false, errors),
                Params.text(request.notes(), "notes", 4000, false, errors));
    }

    private static LocalTime time(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a time HH:MM"));
            return null;
        }
    }

    public static Result check(Meeting meeting, MinutesRequest request, LocalDate today) {
        MeetingType type = meeting.type();
        LocalDate alreadyHeldOn = meeting.alreadyHeldOn();
        Set<String> agenda = meeting.agenda();
        Map<String, Consent> consents = meeting.consents();
        Set<String> agencies = meeting.agencies();
        if (alreadyHeldOn != null) {
            return new Result.Conflict("minutes-exist", "minutes for this meeting were already recorded (held on "
                    + alreadyHeldOn + "); a meeting is held once");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = Params.date(request.heldOn(), "heldOn", true, errors);
        BusinessDate.refusal(heldOn, null, today).ifPresent(m -> errors.add(new FieldError("heldOn", m)));
        Details details = details(request, errors);
        LinkedHashSet<String> attendees = new LinkedHashSet<>();
        List<String> given = request.attendees() == null ? List.of() : request.attendees();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || !agencies.contains(given.get(i))) {
                errors.add(new FieldError("attendees[" + i + "]", "not an agency of this municipality (GET /agencies)"));
            } else {
                attendees.add(given.get(i));
            }
        }
        List<MinutesRequest.ReviewRequest> reviews = request.reviews() == null ? List.of() : request.reviews();
        if (!reviews.isEmpty() && !type.reviewsCases()) {
            return errors.isEmpty() ? new Result.Conflict("no-case-agenda", type.label()
                    + " has no case agenda: record its minutes without reviews") : new Result.Invalid(errors);
        }
        List<Review> valid = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < reviews.size(); i++) {
            MinutesRequest.ReviewRequest r = reviews.get(i);
            String at = "reviews[" + i + "]";
            if (r == null || r.caseId() == null || r.caseId().isBlank()) {
                errors.add(new FieldError(at + ".caseId", "required"));
                continue;
            }
            if (!seen.add(r.caseId())) {
                errors.add(new FieldError(at + ".caseId", "the same case twice in one minutes"));
            }
            LocalDate received = meeting.receivedOn().get(r.caseId());
            if (heldOn != null && received != null && heldOn.isBefore(received)) {
                BusinessDate.refusal(heldOn, received, today).ifPresent(m -> errors.add(new FieldError(at + ".caseId",
                        "heldOn " + m)));
            }
            ReviewOutcome outcome = r.outcome() == null ? null : Coded.parse(ReviewOutcome.class, r.outcome()).orElse(null);
            if (outcome == null) {
                errors.add(new FieldError(at + ".outcome", "required; one of "
                        + String.join(", ", Coded.codes(ReviewOutcome.class))));
            }
            PlanType planType = null;
            if (r.planType() != null) {
                planType = Coded.parse(PlanType.class, r.planType()).orElse(null);
                if (planType == null) {
                    errors.add(new FieldError(at + ".planType", "one of " + String.join(", ", Coded.codes(PlanType.class))));
                }
            } else if (outcome == ReviewOutcome.PLAN || outcome == ReviewOutcome.REPLAN) {
                errors.add(new FieldError(at + ".planType", "required for " + outcome));
            }
            List<Role> roles = new ArrayList<>();
            List<MinutesRequest.RoleRequest> givenRoles = r.roles() == null ? List.of() : r.roles();
            for (int j = 0; j < givenRoles.size(); j++) {
                MinutesRequest.RoleRequest role = givenRoles.get(j);
                String rat = at + ".roles[" + j + "]";
                if (role == null || role.agencyId() == null || !agencies.contains(role.agencyId())) {
                    errors.add(new FieldError(rat + ".agencyId", "not an agency of this municipality"));
                } else {
                    String responsibility = Params.text(role.responsibility(), rat + ".responsibility", 200, true,
                            errors);
                    if (responsibility != null) {
                        roles.add(new Role(role.agencyId(), responsibility));
                    }
                }
            }
            if (Params.longerThan(r.note(), 2000)) {
                errors.add(new FieldError(at + ".note", "at most 2000 characters"));
            }
            boolean adHoc = !agenda.contains(r.caseId());
            if (adHoc && (r.reason() == null || r.reason().isBlank())) {
                errors.add(new FieldError(at + ".reason", "the case is not on this meeting's agenda: say why it is "
                        + "reviewed (it is recorded as an ad-hoc review)"));
            } else if (Params.longerThan(r.reason(), 300)) {
                errors.add(new FieldError(at + ".reason", "at most 300 characters"));
            }
            valid.add(new Review(r.caseId(), outcome, planType, roles, r.note(), adHoc, adHoc ? r.reason() : null));
        }
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        for (Review review : valid) {
            boolean plan = review.outcome() == ReviewOutcome.PLAN || review.outcome() == ReviewOutcome.REPLAN;
            if (plan && !type.mayAdoptPlans()) {
                return new Result.Conflict("no-plan-without-consent", "case " + review.caseId() + ": a 支援会議 "
                        + "(社会福祉法第106条の6) shares information and sets watch-over without the person's consent; "
                        + "it never adopts a plan. Obtain consent and review the case in a 重層的支援会議.");
            }
            if (plan && consents.getOrDefault(review.caseId(), Consent.UNKNOWN) != Consent.GIVEN) {
                return new Result.Conflict("no-plan-without-consent", "case " + review.caseId()
                        + ": no consent is recorded, and a plan is adopted only with the person's consent");
            }
        }
        return new Result.Valid(heldOn, List.copyOf(attendees), valid, details);
    }
}
