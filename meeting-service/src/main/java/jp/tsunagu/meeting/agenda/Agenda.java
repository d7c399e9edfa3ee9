package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.meeting.schedule.MeetingCalendar;
import jp.tsunagu.support.clock.BusinessClock;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The meetings cases wait for: the next regular meeting of a track (the regular series made from the municipality's
 * calendar when none is scheduled yet), the meeting within days of an emergency (危険・緊急) or a 至急 case, and the
 * events that say so.
 * Used by the stage reactions, the meeting commands and the minutes alike.
 */
@ApplicationScoped
public class Agenda {

    private static final Logger LOG = Logger.getLogger(Agenda.class);

    private final MeetingRecords records;
    private final MeetingEvents events;
    private final Optional<Path> calendarDir;
    private final int urgentWithinDays;
    private final BusinessClock clock;
    private final BusinessCalendar businessDays;

    public Agenda(MeetingRecords records, MeetingEvents events, MeetingsConfig config, BusinessClock clock,
                  BusinessCalendar businessDays) {
        this.clock = clock;
        this.businessDays = businessDays;
        this.records = records;
        this.events = events;
        this.calendarDir = config.calendarDir();
        this.urgentWithinDays = config.urgentWithinDays();
    }

    /**
     * The meeting of a track a case is queued on by itself ({@link AgendaDecider#automaticChoice}: the next regular
     * one; empty when none is scheduled).
     */
    public Uni<Optional<Meeting>> nextMeeting(String municipality, MeetingType type, LocalDate from, String cause) {
        return upcoming(municipality, type, from, cause).map(AgendaDecider::automaticChoice);
    }

    /**
     * The next meetings of a track not yet held, on or after {@code from} (the first regular one and the first ad-hoc
     * one, {@link MeetingRecords#nextOfEachKind}); the regular series are generated from the calendar when none is
     * scheduled yet.
     */
    private Uni<List<Meeting>> upcoming(String municipality, MeetingType type, LocalDate from, String cause) {
        return records.nextOfEachKind(municipality, type, from).chain(found -> {
            Optional<MeetingCalendar> calendar = calendar(municipality);
            if (AgendaDecider.automaticChoice(found).isPresent() || calendar.isEmpty()
                    || !calendar.get().holdsRegularly(type)) {
                return Uni.createFrom().item(found);
            }
            FiscalYear year = FiscalYear.of(from);
            return ensureSchedule(calendar.get(), year, cause)
                    .chain(() -> ensureSchedule(calendar.get(), year.next(), cause))
                    .chain(() -> records.nextOfEachKind(municipality, type, from));
        });
    }

    /**
     * The meeting an emergency (危険・緊急) or a 至急 case is discussed at ({@link AgendaDecider#soonMeeting}): one of
     * its track within the urgent window, else an ad-hoc one set up here (told as meeting-scheduled).
     */
    public Uni<Meeting> soonMeeting(String municipality, AgendaDecider.Placement p, LocalDate on, String cause) {
        return upcoming(municipality, p.track(), on, cause).chain(next -> {
            AgendaDecider.SoonMeeting soon = AgendaDecider.soonMeeting(next, p.track(),
                    new AgendaDecider.Escalated(municipality, on, cause, urgentWithinDays,
                            usual(municipality, p.track()), p.review()), businessDays);
            LOG.infof("case escalated by %s: %s", cause, soon.reason());
            if (!soon.adHoc()) {
                return Uni.createFrom().item(soon.meeting());
            }
            return records.insertMeeting(soon.meeting()).chain(isNew -> isNew ? publishScheduled(soon.meeting(), cause)
                    : Uni.createFrom().voidItem()).replaceWith(soon.meeting());
        });
    }

    /** The time and place of the municipality's regular series of {@code type} (none: {@code WhenAndWhere.NONE}). */
    private WhenAndWhere usual(String municipality, MeetingType type) {
        return calendar(municipality).flatMap(c -> c.seriesOf(type))
                .map(r -> new WhenAndWhere(r.startsAt(), r.endsAt(), r.place())).orElse(WhenAndWhere.NONE);
    }

    public Uni<Void> ensureSchedule(MeetingCalendar calendar, FiscalYear year, String cause) {
        return Multi.createFrom().iterable(calendar.regularMeetings(year))
                .onItem().transformToUniAndConcatenate(p -> {
                    Meeting m = new Meeting(calendar.municipality() + "-" + p.type() + "-" + p.date(),
                            calendar.municipality(), p.type(), p.date(), false, List.of(), null, List.of(),
                            new WhenAndWhere(p.startsAt(), p.endsAt(), p.place()));
                    return records.insertMeeting(m).chain(isNew -> isNew ? publishScheduled(m, cause)
                            : Uni.createFrom().voidItem());
                })
                .collect().asList().replaceWithVoid();
    }

    public Uni<Void> publishScheduled(Meeting m, String cause) {
        WhenAndWhere w = m.scheduled();
        return events.publish(EventIds.meetingScheduled(m.meetingId()),
                new MeetingEvent.MeetingScheduled(m.meetingId(), m.municipality(), m.type(), m.scheduledOn(), m.adHoc(),
                        w.startsAt(), w.endsAt(), w.place()),
                m.scheduledOn(), cause).replaceWithVoid();
    }

    /** Tells the agencies added to a meeting's members that they are invited (none added: nothing). */
    public Uni<Void> publishInvited(Meeting m, Collection<String> added, String cause) {
        if (added.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return events.publish(EventIds.membersInvited(m.meetingId(), added),
                new MeetingEvent.MembersInvited(m.meetingId(), m.municipality(), m.type(), m.scheduledOn(),
                        List.copyOf(added), m.scheduled().startsAt(), m.scheduled().endsAt(), m.scheduled().place()),
                clock.today(), cause).replaceWithVoid();
    }

    public Uni<Void> publishQueued(String eventId, CaseTrack t, LocalDate on, String cause) {
        return events.publish(eventId, AgendaDecider.queued(t), on, cause).replaceWithVoid();
    }

    public Optional<MeetingCalendar> calendar(String municipality) {
        return MeetingCalendar.forMunicipality(municipality, calendarDir);
    }
}
