package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.ReviewRules;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.support.events.DerivedIds;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How the agenda follows the stage events and the coordinators, as pure functions: where an escalated case waits
 * (the next regular meeting of its track; a 至急 case the next one within the urgent window, else an ad-hoc one), what
 * a consent recorded later changes, when an emergency (危険・緊急) needs an ad-hoc 支援会議, and which meeting a
 * coordinator may put a case on. MeetingService reads the state, runs these and writes
 * what they answer; tests run them without a database or Kafka.
 */
public final class AgendaDecider {

    private AgendaDecider() {
    }

    /**
     * Where an escalated case waits: the consent it waits with, its track, the referral's urgency (至急 and 緊急 as the
     * contract says them) and whether it needs an ad-hoc 支援会議 now (危険・緊急).
     */
    public record Placement(Consent consent, MeetingType track, Urgency urgency, EmergencyReview review) {
    }

    /**
     * An escalated case's placement. The consent is the one known here (the intake and routing topics are not ordered
     * with each other: a consent recorded here may be newer than the one routing decided the track on), else the one
     * the escalation carries, else unknown; never inferred from the track. A case whose consent is known waits on the
     * track that consent fits, one whose consent is not known on the track routing chose. An emergency (危険・緊急) goes
     * to 支援会議, which needs no consent.
     */
    public static Placement placement(Optional<CaseTrack> known, RoutingEvent.CaseEscalated e) {
        Optional<Consent> told = known.map(CaseTrack::consent).or(() -> Optional.ofNullable(e.consent()));
        Consent consent = told.orElse(Consent.UNKNOWN);
        MeetingType track = e.review().adHocNow() ? MeetingType.SHIEN_KAIGI
                : told.isPresent() ? MeetingType.trackFor(consent) : e.track();
        return new Placement(consent, track, e.urgency(), e.review());
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

    /** Whether a meeting is soon enough for an urgent case: within {@code withinDays} of {@code on}. */
    public static boolean soonEnough(Meeting next, LocalDate on, int withinDays) {
        return !next.scheduledOn().isAfter(on.plusDays(withinDays));
    }

    /** The ad-hoc 支援会議 an emergency (危険・緊急) gets when none is soon enough; its id follows from the cause. */
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
     * Whether the case waits for a meeting soon rather than the next regular one: 至急 or 緊急 without 危険・緊急 (an
     * emergency has its ad-hoc 支援会議 now, {@link #adHocShienKaigi}; 通常 waits for the next regular meeting).
     */
    public static boolean waitsForASoonMeeting(Placement p) {
        return !p.review().adHocNow() && p.urgency() != Urgency.ROUTINE;
    }

    /** Where a 至急 case is discussed ({@link #soonMeeting}), and why, in Japanese for the coordinator. */
    public record SoonMeeting(Meeting meeting, boolean adHoc, String reason) {
    }

    /**
     * 至急: a case the referrer marked 至急 (or 緊急 without 危険・緊急) does not wait weeks for the next regular meeting.
     * It is discussed at the next regular meeting of its track if that is held within {@code withinDays} of the
     * escalation (the city's urgent window, {@code tsunagu.meetings.urgent-within-days}); otherwise an ad-hoc meeting
     * of its track is set up on the city's next business day (the calendar's: not on a weekend, a holiday or during
     * 年末年始), at the time and place of the track's regular series, its id derived from the cause like the
     * emergency's 支援会議 (a redelivery finds the same meeting).
     *
     * @param next     the next regular meeting of the case's track (empty: the city holds none)
     * @param track    the case's track
     * @param escalated where and when the case was escalated, and by which event
     */
    public static SoonMeeting soonMeeting(Optional<Meeting> next, MeetingType track, Escalated escalated,
                                          BusinessCalendar calendar) {
        if (next.isPresent() && soonEnough(next.get(), escalated.on(), escalated.withinDays())) {
            return new SoonMeeting(next.get(), false, "至急のため、" + escalated.withinDays() + "日以内に開かれる定例の"
                    + track.label() + "（" + next.get().scheduledOn() + "）で検討します");
        }
        LocalDate on = calendar.plusBusinessDays(escalated.on(), 1);
        Meeting adHoc = new Meeting("m-" + DerivedIds.from(escalated.causeId() + "/urgent/" + track),
                escalated.municipality(), track, on, true, List.of(), null, List.of(), escalated.usual());
        return new SoonMeeting(adHoc, true, "至急のため、" + escalated.withinDays() + "日以内に定例の" + track.label()
                + "がなく、臨時の" + track.label() + "（" + on + "）を設定しました");
    }

    /**
     * An urgent case's escalation as the meeting set up for it needs it.
     *
     * @param withinDays the city's urgent window
     * @param usual      the time and place of the track's regular series ({@code WhenAndWhere.NONE}: none)
     */
    public record Escalated(String municipality, LocalDate on, String causeId, int withinDays, WhenAndWhere usual) {
    }

    /**
     * Whether a meeting takes cases by itself: an escalated case, a case whose consent moved it and a case a meeting
     * did not reach are queued on the next <em>regular</em> meeting of their track (or wait while none is scheduled).
     * An ad-hoc meeting is somebody's: it takes only the cases a coordinator names ({@link #choiceRefusal}); the
     * emergency's 支援会議 ({@link #soonEnough}, {@link #adHocShienKaigi}) and a 至急 case's own ad-hoc meeting
     * ({@link #soonMeeting}) are the exceptions.
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
     * without it, and an emergency whatever its consent). Empty: it may.
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
        return t.chosenFor(m);
    }

    /** The event saying the case is on (or waits for) a meeting's agenda. */
    public static MeetingEvent.CaseQueued queued(CaseTrack t) {
        return new MeetingEvent.CaseQueued(t.caseId(), t.municipality(), t.meetingId(), t.track());
    }
}
