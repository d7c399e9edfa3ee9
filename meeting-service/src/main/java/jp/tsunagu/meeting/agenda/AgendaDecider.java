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
 * (the next regular meeting of its track; an emergency (危険・緊急) and a 至急 case a meeting within the urgent window,
 * else an ad-hoc one, {@link #soonMeeting}), what a consent recorded later changes, and which meeting a coordinator may
 * put a case on. MeetingService reads the state, runs these and writes
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

    /**
     * Whether the 至急 rule applies: 至急 or 緊急 without 危険・緊急 (an emergency is discussed soon by its own variant of
     * {@link #soonMeeting}; 通常 waits for the next regular meeting).
     */
    public static boolean waitsForASoonMeeting(Placement p) {
        return !p.review().adHocNow() && p.urgency() != Urgency.ROUTINE;
    }

    /** Whether an escalated case is discussed within the urgent window ({@link #soonMeeting}): 危険・緊急 or 至急. */
    public static boolean discussedSoon(Placement p) {
        return p.review().adHocNow() || waitsForASoonMeeting(p);
    }

    /**
     * Where a case that must not wait is discussed ({@link #soonMeeting}), and why, in Japanese for the coordinator.
     *
     * @param adHoc whether the meeting was set up for this case here (to be recorded and told as meeting-scheduled)
     */
    public record SoonMeeting(Meeting meeting, boolean adHoc, String reason) {
    }

    /**
     * The one rule for a case that does not wait weeks for the next regular meeting: an emergency (危険・緊急: 緊急 with
     * abuse or violence) and a 至急 case (or 緊急 without 危険・緊急). It is discussed at a meeting of its track (an
     * emergency's is 支援会議, {@link #placement}) held within {@code withinDays} of the escalation (the city's urgent
     * window, {@code tsunagu.meetings.urgent-within-days}); when none is, an ad-hoc meeting of its track is set up, at
     * the time and place of the track's regular series, its id derived from the cause (a redelivery finds the same
     * meeting). What differs between the two kinds is named in {@link #candidate}, {@link #adHocDay} and
     * {@link #adHocId}.
     *
     * @param upcoming  the next meetings of the case's track not yet held, in date order (the first regular one and
     *                  the first ad-hoc one, whichever exist)
     * @param track     the case's track
     * @param escalated where and when the case was escalated, by which event, and whether as an emergency
     * @param calendar  the city's business days
     */
    public static SoonMeeting soonMeeting(List<Meeting> upcoming, MeetingType track, Escalated escalated,
                                          BusinessCalendar calendar) {
        boolean emergency = escalated.review().adHocNow();
        String why = (emergency ? "危険・緊急" : "至急") + "のため、" + escalated.withinDays() + "日以内に";
        Optional<Meeting> next = candidate(upcoming, escalated.review());
        if (next.isPresent() && soonEnough(next.get(), escalated.on(), escalated.withinDays())) {
            return new SoonMeeting(next.get(), false, why + "開かれる" + (next.get().adHoc() ? "臨時の" : "定例の")
                    + track.label() + "（" + next.get().scheduledOn() + "）で検討します");
        }
        LocalDate on = adHocDay(escalated, calendar);
        Meeting adHoc = new Meeting(adHocId(track, escalated), escalated.municipality(), track, on, true, List.of(),
                null, List.of(), escalated.usual());
        return new SoonMeeting(adHoc, true, why + (emergency ? "" : "定例の") + track.label() + "がなく、臨時の"
                + track.label() + "（" + on + "）を設定しました");
    }

    /**
     * The meeting that may take the case if soon enough. An emergency joins the first 支援会議 whoever called it (a
     * regular one, another emergency's or a coordinator's ad-hoc one): for a person facing abuse or violence the
     * earliest table counts. A 至急 case joins only a regular meeting, like a 通常 one: an ad-hoc meeting is somebody's
     * ({@link #queuesAutomatically}), and the case gets its own when no regular one is soon enough.
     */
    static Optional<Meeting> candidate(List<Meeting> upcoming, EmergencyReview review) {
        return review.adHocNow() ? upcoming.stream().findFirst() : automaticChoice(upcoming);
    }

    /**
     * The day of the ad-hoc meeting. 至急: the city's next business day (not a weekend, a holiday or during 年末年始:
     * 12/28 → 1/4), when the members are at work; the case waits for the office to open, not for weeks. 危険・緊急:
     * the next calendar day whatever the calendar says (the same day with a window of 0 days): a person facing abuse
     * or violence does not wait for a weekend or 年末年始 to pass.
     */
    static LocalDate adHocDay(Escalated escalated, BusinessCalendar calendar) {
        return escalated.review().adHocNow() ? escalated.on().plusDays(Math.min(1, escalated.withinDays()))
                : calendar.plusBusinessDays(escalated.on(), 1);
    }

    /**
     * The ad-hoc meeting's id, derived from the escalation's event. The two forms are older than this rule and already
     * in the meeting tables and on the meetings topic: were either changed, a redelivered or replayed escalation would
     * set up a second meeting. An emergency's is {@code <cause>/urgent}; a 至急 case's names its track too.
     */
    static String adHocId(MeetingType track, Escalated escalated) {
        return "m-" + DerivedIds.from(escalated.causeId() + "/urgent"
                + (escalated.review().adHocNow() ? "" : "/" + track));
    }

    /**
     * An emergency's own ad-hoc 支援会議: what {@link #soonMeeting} sets up when no 支援会議 is soon enough (its day
     * does not depend on the business calendar), without a series' time and place.
     */
    static Meeting adHocShienKaigi(String municipality, LocalDate on, int withinDays, String causeId) {
        return adHocShienKaigi(municipality, on, withinDays, causeId, WhenAndWhere.NONE);
    }

    /** The same, held at the time and place of the city's regular 支援会議 series. */
    static Meeting adHocShienKaigi(String municipality, LocalDate on, int withinDays, String causeId,
                                   WhenAndWhere usual) {
        return soonMeeting(List.of(), MeetingType.SHIEN_KAIGI, new Escalated(municipality, on, causeId, withinDays,
                usual, EmergencyReview.EMERGENCY), BusinessCalendar.japan()).meeting();
    }

    /**
     * A case's escalation as the meeting set up for it needs it.
     *
     * @param withinDays the city's urgent window
     * @param usual      the time and place of the track's regular series ({@code WhenAndWhere.NONE}: none)
     * @param review     危険・緊急 ({@code EMERGENCY}) or not (the 至急 rule)
     */
    public record Escalated(String municipality, LocalDate on, String causeId, int withinDays, WhenAndWhere usual,
                            EmergencyReview review) {
    }

    /**
     * Whether a meeting takes cases by itself: an escalated case, a case whose consent moved it and a case a meeting
     * did not reach are queued on the next <em>regular</em> meeting of their track (or wait while none is scheduled).
     * An ad-hoc meeting is somebody's: it takes only the cases a coordinator names ({@link #choiceRefusal}); an
     * emergency joining the first 支援会議 and a case's own ad-hoc meeting ({@link #soonMeeting}) are the exceptions.
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
