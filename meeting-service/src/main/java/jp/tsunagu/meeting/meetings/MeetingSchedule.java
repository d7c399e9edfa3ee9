package jp.tsunagu.meeting.meetings;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.meeting.agenda.Agenda;
import jp.tsunagu.meeting.agenda.AgendaChoices;
import jp.tsunagu.meeting.agenda.Meeting;
import jp.tsunagu.meeting.agenda.MeetingRecords;
import jp.tsunagu.meeting.agenda.WhenAndWhere;
import jp.tsunagu.meeting.schedule.MeetingCalendar;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 多機関協働事業's meetings as coordinators set them up: ad-hoc meetings (with the cases named for them), a fiscal
 * year's regular series from the municipality's calendar, and who is invited. Reading a meeting is
 * {@link MeetingService}'s; cases reach agendas through {@code AgendaIntake} and {@link AgendaChoices}.
 */
@ApplicationScoped
public class MeetingSchedule {

    private final MeetingRecords records;
    private final Agenda agenda;
    private final AgencyDirectories directories;
    private final AgendaChoices choices;

    public MeetingSchedule(MeetingRecords records, Agenda agenda, AgencyDirectories directories,
                           AgendaChoices choices) {
        this.records = records;
        this.agenda = agenda;
        this.directories = directories;
        this.choices = choices;
    }

    /**
     * An ad-hoc meeting: when and where it is held, who is invited, and the cases the coordinator names for its
     * agenda (an ad-hoc meeting takes no other case: {@link AgendaDecider#queuesAutomatically}). Checked whole before
     * anything is written; the same Idempotency-Key answers the meeting it made.
     */
    @InTransaction
    public Uni<Meeting> create(Caller caller, String idempotencyKey, NewMeeting request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new FieldErrors(); // bounded, like every list of a request's errors
        MeetingType type = request.type() == null ? null : Coded.parse(MeetingType.class, request.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "required; one of " + String.join(", ", Coded.codes(MeetingType.class))));
        }
        LocalDate on = Params.date(request.scheduledOn(), "scheduledOn", true, errors);
        WhenAndWhere when = WhenAndWhere.check(request.startsAt(), request.endsAt(), request.place(), errors);
        List<String> members = request.members() == null ? List.of() : request.members();
        Set<String> agencies = directories.agencyIds(caller.municipality());
        for (int i = 0; i < members.size(); i++) {
            if (!agencies.contains(members.get(i))) {
                errors.add(new FieldError("members[" + i + "]", "not an agency of this municipality (GET /agencies)"));
            }
        }
        List<String> cases = request.cases() == null ? List.of() : request.cases();
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i) == null || cases.get(i).isBlank()) {
                errors.add(new FieldError("cases[" + i + "]", "required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : "m-" + DerivedIds.forCaller(caller, idempotencyKey);
        Meeting meeting = new Meeting(id, caller.municipality(), type, on, true, List.copyOf(members), null, List.of(),
                when);
        return records.meeting(id).chain(made -> made.isPresent() ? Uni.createFrom().item(made.get())
                : choices.named(caller, meeting, cases).chain(named -> records.insertMeeting(meeting)
                .chain(isNew -> !isNew ? records.meeting(id).map(Optional::orElseThrow)
                        : agenda.publishScheduled(meeting, "request/meeting/" + id)
                        .chain(() -> agenda.publishInvited(meeting, new LinkedHashSet<>(members),
                                "request/meeting/" + id))
                        .chain(() -> choices.attach(meeting, named))
                        .replaceWith(meeting))));
    }

    /** The fiscal year's regular meetings from the municipality's calendar (already scheduled ones are kept). */
    @InTransaction
    public Uni<List<Meeting>> scheduleYear(Caller caller, FiscalYear year) {
        MeetingCalendar calendar = agenda.calendar(caller.municipality()).orElseThrow(() ->
                ApiProblem.notFound("a meeting calendar for municipality " + caller.municipality()));
        return agenda.ensureSchedule(calendar, year, "request/schedule/" + year.label())
                .chain(() -> records.meetings(caller.municipality(), year.start(), year.end(), null))
                .map(all -> all.stream().filter(m -> !m.adHoc()).toList());
    }

    @InTransaction
    public Uni<Meeting> setMembers(Caller caller, String meetingId, List<String> members) {
        Set<String> agencies = directories.agencyIds(caller.municipality());
        List<FieldError> errors = new FieldErrors(); // bounded: a list of 30,000 unknown ids keeps the first
        List<String> given = members == null ? List.of() : members;
        for (int i = 0; i < given.size(); i++) {
            if (!agencies.contains(given.get(i))) {
                errors.add(new FieldError("members[" + i + "]", "not an agency of this municipality"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return ownMeeting(caller, meetingId).chain(m -> records.setMembers(meetingId, given)
                        .chain(() -> {
                            Set<String> added = new LinkedHashSet<>(given);
                            added.removeAll(m.members());
                            return agenda.publishInvited(m, added, "request/meeting/" + meetingId + "/members");
                        }))
                .chain(() -> records.meeting(meetingId)).map(Optional::orElseThrow);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Uni<Meeting> ownMeeting(Caller caller, String meetingId) {
        return records.meeting(meetingId).map(found -> found
                .filter(m -> m.municipality().equals(caller.municipality()))
                .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)));
    }

}
