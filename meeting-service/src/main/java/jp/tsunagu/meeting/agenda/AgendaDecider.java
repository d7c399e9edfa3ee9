package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.ReviewRules;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.support.events.DerivedIds;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How the agenda follows the stage events and the coordinators, as pure functions: where an escalated case waits
 * (the next regular meeting of its track), what a consent recorded later changes, when an urgent case needs an
 * ad-hoc 支援会議, and which meeting a coordinator may put a case on. MeetingService reads the state, runs these and writes
 * what they answer; tests run them without a database or Kafka.
 */
public final class AgendaDecider {

    private AgendaDecider() {
    }

    /** Where an escalated case waits: the consent it waits with, its track, whether it is urgent. */
    public record Placement(Consent consent, MeetingType track, CaseTrack.Urgency urgency) {
    }

    /**
     * An escalated case's placement. The intake and routing topics are not ordered with each other: a consent
     * recorded here may be newer than the one routing decided the track on, so a known case's track follows it. An
     * urgent case goes to 支援会議, which needs no consent.
     */
    public static Placement placement(Optional<CaseTrack> known, RoutingEvent.CaseEscalated e) {
        Consent consent = known.map(CaseTrack::consent)
                .orElse(e.track() == MeetingType.JUUSOU_SHIEN_KAIGI ? Consent.GIVEN : Consent.UNKNOWN);
        MeetingType track = e.urgent() ? MeetingType.SHIEN_KAIGI
                : known.isPresent() ? MeetingType.trackFor(consent) : e.track();
        return new Placement(consent, track, e.urgent() ? CaseTrack.Urgency.URGENT : CaseTrack.Urgency.ROUTINE);
    }

    /**
     * A consent recorded: the case keeps its place with the new consent, unless it is queued on the track the
     * consent no longer fits (obtained: 重層的支援会議; withdrawn: 支援会議), when it must move (the answer's track).
     */
    public static Optional<MeetingType> moveOnConsent(CaseTrack before, Consent consent) {
        MeetingType fits = MeetingType.trackFor(consent);
        return before.queued() && before.track() != fits ? Optional.of(fits) : Optional.empty();
    }

    /**
     * The case joined to the same person's earlier case (duplicate-confirmed): it leaves the waiting list and the
     * agenda of any meeting not yet held, for good ({@link #queuesOnEscalation}).
     */
    public static CaseTrack joined(Optional<CaseTrack> found, IntakeEvent.DuplicateConfirmed d) {
        return found.orElse(CaseTrack.referred(d.caseId(), d.municipality(), Consent.UNKNOWN)).asJoined();
    }

    /** An escalation queues the case unless it was joined to another case first (routing had not heard of it). */
    public static boolean queuesOnEscalation(Optional<CaseTrack> known) {
        return known.map(t -> !t.joined()).orElse(true);
    }

    /** The case as known before a consent was recorded: as kept here, or first seen through this event. */
    public static CaseTrack known(Optional<CaseTrack> found, IntakeEvent.ConsentRecorded c) {
        return found.orElse(CaseTrack.referred(c.caseId(), c.municipality(), c.consent()));
    }

    /** Whether the next 支援会議 is soon enough for an urgent case: within {@code withinDays} of {@code on}. */
    public static boolean soonEnough(Meeting next, LocalDate on, int withinDays) {
        return !next.scheduledOn().isAfter(on.plusDays(withinDays));
    }

    /** The ad-hoc 支援会議 an urgent case gets when none is soon enough; its id follows from the cause. */
    public static Meeting adHocShienKaigi(String municipality, LocalDate on, int withinDays, String causeId) {
        return adHocShienKaigi(municipality, on, withinDays, causeId, WhenAndWhere.NONE);
    }

    /**
     * The same, held at the time and place of the city's regular 支援会議 series ({@code WhenAndWhere.NONE} when it
     * holds none: the coordinator tells the members).
     */
    public static Meeting adHocShienKaigi(String municipality, LocalDate on, int withinDays, String causeId,
                                          WhenAndWhere usual) {
        return new Meeting("m-" + DerivedIds.from(causeId + "/urgent"), municipality, MeetingType.SHIEN_KAIGI,
                on.plusDays(Math.min(1, withinDays)), true, List.of(), null, List.of(), usual);
    }

    /**
     * Whether a meeting takes cases by itself: an escalated case, a case whose consent moved it and a case a meeting
     * did not reach are queued on the next <em>regular</em> meeting of their track (or wait while none is scheduled).
     * An ad-hoc meeting is somebody's: it takes only the cases a coordinator names ({@link #choiceRefusal}); the
     * urgent 支援会議 ({@link #soonEnough}, {@link #adHocShienKaigi}) is the one exception.
     */
    public static boolean queuesAutomatically(Meeting m) {
        return !m.adHoc();
    }

    /**
     * The meeting a case is queued on by itself, of the next meetings of its track (not held, in date order).
     */
    public static Optional<Meeting> automaticChoice(List<Meeting> upcoming) {
        return upcoming.stream().filter(AgendaDecider::queuesAutomatically).findFirst();
    }

    /**
     * Why a coordinator may not put a case on a meeting's agenda: the case must be waiting for a meeting (escalated,
     * not yet reviewed), the meeting must review cases, be of the case's municipality, not held and not past, and be
     * of the case's track or of the track its consent fits (重層的支援会議 needs consent; 支援会議 takes a case
     * without it, and an urgent one whatever its consent). Empty: it may.
     *
     * @param today the business date (a meeting scheduled before it has passed)
     */
    public static Optional<Refusal> choiceRefusal(CaseTrack t, Meeting m, LocalDate today) {
        if (!t.municipality().equals(m.municipality())) {
            return Optional.of(new Refusal("other-municipality", "case " + t.caseId() + ": meeting " + m.meetingId()
                    + " is another municipality's"));
        }
        if (t.joined()) {
            return Optional.of(new Refusal("case-joined", "case " + t.caseId() + " was joined to an earlier case of "
                    + "the same person as a duplicate: it is not discussed on its own"));
        }
        if (t.track() == null || !t.queued()) {
            return Optional.of(new Refusal("case-not-waiting", "case " + t.caseId() + ": not waiting for a meeting "
                    + "(not escalated to multi-agency coordination, or already reviewed); a case not on the agenda "
                    + "is reviewed in the minutes with a reason"));
        }
        Optional<ReviewRules.Refusal> noAgenda = ReviewRules.agendaRefusal(m.type());
        if (noAgenda.isPresent()) {
            return Optional.of(new Refusal(noAgenda.get().code(), noAgenda.get().english()));
        }
        if (m.heldOn() != null) {
            return Optional.of(new Refusal("meeting-held", "meeting " + m.meetingId() + " was held on " + m.heldOn()
                    + ": its agenda is closed"));
        }
        if (m.scheduledOn().isBefore(today)) {
            return Optional.of(new Refusal("meeting-past", "meeting " + m.meetingId() + " was scheduled for "
                    + m.scheduledOn() + ", which has passed"));
        }
        if (m.type() != t.track() && m.type() != MeetingType.trackFor(t.consent())) {
            return Optional.of(new Refusal("wrong-track", "case " + t.caseId() + ": a " + m.type().label()
                    + " cannot discuss it: its consent is " + t.consent().label() + " (" + t.consent()
                    + ") and it waits for a " + t.track().label()));
        }
        return Optional.empty();
    }

    /**
     * Why a case is refused, for programs ({@code slug}, the problem's type) and integrators (English; the services'
     * {@code ProblemJapanese} says it in Japanese).
     */
    public record Refusal(String slug, String english) {
    }

    /** The case on the agenda of the meeting a coordinator chose (already checked by {@link #choiceRefusal}). */
    public static CaseTrack chosen(CaseTrack t, Meeting m) {
        return new CaseTrack(t.caseId(), t.municipality(), t.consent(), m.type(), m.meetingId(), true, t.urgent(),
                t.queuedOn(), false);
    }

    /** The event saying the case is on (or waits for) a meeting's agenda. */
    public static MeetingEvent.CaseQueued queued(CaseTrack t) {
        return new MeetingEvent.CaseQueued(t.caseId(), t.municipality(), t.meetingId(), t.track());
    }
}
