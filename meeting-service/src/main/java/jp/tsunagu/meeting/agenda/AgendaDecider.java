package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.support.events.DerivedIds;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How the agenda follows the stage events, as pure functions: where an escalated case waits, what a consent recorded
 * later changes, when an urgent case needs an ad-hoc 支援会議. MeetingService reads the state, runs these and writes
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
        return new Meeting("m-" + DerivedIds.from(causeId + "/urgent"), municipality, MeetingType.SHIEN_KAIGI,
                on.plusDays(Math.min(1, withinDays)), true, List.of(), null, List.of());
    }

    /** The event saying the case is on (or waits for) a meeting's agenda. */
    public static MeetingEvent.CaseQueued queued(CaseTrack t) {
        return new MeetingEvent.CaseQueued(t.caseId(), t.municipality(), t.meetingId(), t.track());
    }
}
