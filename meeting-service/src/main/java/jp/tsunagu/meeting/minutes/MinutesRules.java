package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanTexts;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.ReviewRules;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.meeting.agenda.WhenAndWhere;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What minutes may record, by meeting type, without Quarkus:
 * <ul>
 *   <li>what a meeting may decide for a case, by its type and the person's consent, is the contract's
 *       {@link ReviewRules}: 重層的支援会議 handles cases with consent (it adopts, revises and closes plans and assigns
 *       roles; without consent it may only close); 支援会議 (社会福祉法第106条の6) shares information and sets
 *       watch-over without consent under a duty of confidentiality, and never adopts a plan; 考える会 and 代表者会議
 *       have no case agenda; a REPLAN needs a running plan of its type;</li>
 *   <li>minutes are recorded once and corrected by amendments ({@link MinutesAmendments}); a case not on the agenda
 *       may be reviewed with a reason (an ad-hoc review);</li>
 *   <li>a PLAN or REPLAN may carry the plan's terms: the wish, goals and review date agreed; they, and the roles'
 *       responsibilities, are held to the plan's own limits ({@link PlanTexts}), since the plan takes them from
 *       here.</li>
 * </ul>
 */
public final class MinutesRules {

    private MinutesRules() {
    }

    /** A case's outcome as it will be recorded. */
    public record Review(String caseId, ReviewOutcome outcome, PlanType planType, List<Role> roles, String note,
                         boolean adHoc, String adHocReason, PlanTerms terms) {
        public Review {
            terms = terms == null ? PlanTerms.NONE : terms;
        }

        @Override
        public String toString() {
            return "Review[" + caseId + ", " + outcome + "]"; // the note is confidential
        }

        /**
         * Whether it writes words about the person that {@code before} (the review it corrects, or null for a first
         * recording) did not hold: a note, an ad-hoc reason, a wish, goals or a role's responsibility.
         */
        public boolean writesTextBeyond(Review before) {
            List<String> words = roles.stream().map(Role::responsibility).filter(Objects::nonNull).toList();
            if (before == null) {
                return note != null || adHocReason != null || terms.wish() != null || !terms.goals().isEmpty()
                        || !words.isEmpty();
            }
            return !Objects.equals(note, before.note) || !Objects.equals(adHocReason, before.adHocReason)
                    || !Objects.equals(terms.wish(), before.terms.wish())
                    || !terms.goals().equals(before.terms.goals())
                    || !words.equals(before.roles.stream().map(Role::responsibility).filter(Objects::nonNull)
                    .toList());
        }
    }

    /**
     * What a PLAN or REPLAN outcome agreed of the plan: the person's wish and the goals (the person's words, kept in
     * the minutes only) and the review date (which the plan is made with).
     */
    public record PlanTerms(String wish, List<String> goals, LocalDate reviewOn) {
        public static final PlanTerms NONE = new PlanTerms(null, List.of(), null);

        public PlanTerms {
            goals = goals == null ? List.of() : List.copyOf(goals);
        }

        @Override
        public String toString() {
            return "PlanTerms[review " + reviewOn + ", wish and goals not shown]";
        }
    }

    public sealed interface Result {
        /** @param reviews in the order given (the order discussed) */
        record Valid(LocalDate heldOn, List<Attendee> attendees, List<Review> reviews, Details details)
                implements Result {
        }

        record Invalid(List<FieldError> errors) implements Result {
        }

        /** The request is well-formed but the meeting's rules forbid it (409). */
        record Conflict(String slug, String detail) implements Result {
        }
    }

    /**
     * The meeting as it stands, and what is known of the cases its minutes name.
     *
     * @param alreadyHeldOn the meeting's recorded held date, or null when no minutes exist yet
     * @param agenda        cases queued for this meeting
     * @param consents      the consent known for each case
     * @param agencies      agency ids of the municipality's directory
     * @param receivedOn    the day each named case was received (a meeting cannot review a case before it)
     * @param runningPlans  the types of plan running for each named case, as planning-service announced them
     * @param scheduled     when and where it was to be held (start, end, place; no chair or notes): what the minutes
     *                      record when they say nothing of it
     */
    public record Meeting(MeetingType type, LocalDate alreadyHeldOn, Set<String> agenda, Map<String, Consent> consents,
                          Set<String> agencies, Map<String, LocalDate> receivedOn,
                          Map<String, Set<PlanType>> runningPlans, Details scheduled) {

        public Meeting {
            scheduled = scheduled == null ? Details.NONE : scheduled;
        }

        /** A meeting scheduled without a time or place. */
        public Meeting(MeetingType type, LocalDate alreadyHeldOn, Set<String> agenda, Map<String, Consent> consents,
                       Set<String> agencies, Map<String, LocalDate> receivedOn,
                       Map<String, Set<PlanType>> runningPlans) {
            this(type, alreadyHeldOn, agenda, consents, agencies, receivedOn, runningPlans, Details.NONE);
        }
    }

    /** The meeting-level record: time, place, chair and overall notes (each may be absent). */
    public record Details(LocalTime startTime, LocalTime endTime, String place, String chair, String notes) {

        public static final Details NONE = new Details(null, null, null, null, null);

        /** The time and place the meeting was scheduled with: what minutes that give none say (no chair, no notes). */
        public static Details asScheduled(WhenAndWhere scheduled) {
            return new Details(scheduled.startsAt(), scheduled.endsAt(), scheduled.place(), null, null);
        }

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

    /**
     * A case joined to the same person's earlier case (duplicate-confirmed) is not reviewed on its own: its person is
     * discussed under the case it joined. The first such case reviewed, or null.
     *
     * @param joined the reviewed cases that were joined
     */
    public static Result.Conflict joinedRefusal(List<String> reviewed, Set<String> joined) {
        return reviewed.stream().filter(joined::contains).findFirst()
                .map(id -> new Result.Conflict("case-joined", "case " + id + " was joined to an earlier case of the "
                        + "same person as a duplicate: review that case instead"))
                .orElse(null);
    }

    public static Result check(Meeting meeting, MinutesRequest request, LocalDate today) {
        MeetingType type = meeting.type();
        LocalDate alreadyHeldOn = meeting.alreadyHeldOn();
        Set<String> agenda = meeting.agenda();
        Map<String, Consent> consents = meeting.consents();
        Set<String> agencies = meeting.agencies();
        if (alreadyHeldOn != null) {
            return new Result.Conflict("minutes-exist", "minutes for this meeting were already recorded (held on "
                    + alreadyHeldOn + "); a meeting is held once: correct its minutes with POST /meetings/{meetingId}"
                    + "/minutes/amendments");
        }
        List<FieldError> errors = new FieldErrors(); // bounded: 30,000 bad items keep the first errors
        LocalDate heldOn = Params.date(request.heldOn(), "heldOn", true, errors);
        BusinessDate.refusal(heldOn, null, today).ifPresent(m -> errors.add(new FieldError("heldOn", m)));
        Details details = asScheduled(details(request, errors), request, meeting.scheduled());
        List<Attendee> attendees = Attendees.check(request.attendees() == null ? List.of() : request.attendees(),
                agencies, errors);
        List<MinutesRequest.ReviewRequest> reviews = request.reviews() == null ? List.of() : request.reviews();
        if (!reviews.isEmpty() && ReviewRules.agendaRefusal(type).isPresent()) {
            ReviewRules.Refusal r = ReviewRules.agendaRefusal(type).get();
            return errors.isEmpty() ? new Result.Conflict(r.code(), r.english()) : new Result.Invalid(errors);
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
            boolean adHoc = !agenda.contains(r.caseId());
            if (adHoc && (r.reason() == null || r.reason().isBlank())) {
                errors.add(new FieldError(at + ".reason", "the case is not on this meeting's agenda: say why it is "
                        + "reviewed (it is recorded as an ad-hoc review)"));
            } else if (Params.longerThan(r.reason(), 300)) {
                errors.add(new FieldError(at + ".reason", "at most 300 characters"));
            }
            valid.add(ReviewChecks.review(at, r, new ReviewChecks.Reviewed(heldOn, agencies, adHoc,
                    adHoc ? r.reason() : null), errors));
        }
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        for (Review review : valid) {
            Result refused = refusal(type, consents, meeting.runningPlans(), review);
            if (refused != null) {
                return refused;
            }
        }
        return new Result.Valid(heldOn, attendees, valid, details);
    }

    /**
     * The minutes' time and place, or as scheduled when they say nothing of them: a meeting held as planned is not
     * typed twice. The start and end come together (an end alone would contradict a scheduled start).
     */
    static Details asScheduled(Details given, MinutesRequest request, Details scheduled) {
        boolean noTime = blank(request.startTime()) && blank(request.endTime());
        return new Details(noTime ? scheduled.startTime() : given.startTime(),
                noTime ? scheduled.endTime() : given.endTime(),
                blank(request.place()) ? scheduled.place() : given.place(), given.chair(), given.notes());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * An outcome the meeting type and the person's consent do not allow, or a REPLAN with no running plan of its type
     * to revise (409, {@link ReviewRules}), or null. The recording and a correction ask it alike.
     */
    static Result refusal(MeetingType type, Map<String, Consent> consents, Map<String, Set<PlanType>> runningPlans,
                          Review review) {
        return ReviewRules.refusal(type, consents.getOrDefault(review.caseId(), Consent.UNKNOWN), review.outcome())
                .or(() -> ReviewRules.replanRefusal(review.outcome(), review.planType(), review.planType() != null
                        && runningPlans.getOrDefault(review.caseId(), Set.of()).contains(review.planType())))
                .<Result>map(r -> new Result.Conflict(r.code(), "case " + review.caseId() + ": " + r.english()))
                .orElse(null);
    }
}
