package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.meeting.minutes.MinutesRules;
import jp.tsunagu.meeting.minutes.MinutesHistory;
import jp.tsunagu.meeting.schedule.MeetingCalendar;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * 多機関協働事業's meetings as coordinators run them: ad-hoc meetings and a fiscal year's regular series, members, the
 * list, and a meeting's material for those who may read it (every read audited). Cases reach agendas through
 * {@link AgendaIntake} and a coordinator's choice ({@link AgendaChoices}); minutes are {@code MinutesService}'s.
 */
@ApplicationScoped
public class MeetingService {

    private final MeetingRecords records;
    private final Agenda agenda;
    private final AuditTrail audit;
    private final AgencyDirectories directories;
    private final AgendaChoices choices;
    private final MinutesHistory history;

    public MeetingService(MeetingRecords records, Agenda agenda, AuditTrail audit, AgencyDirectories directories,
                          AgendaChoices choices, MinutesHistory history) {
        this.history = history;
        this.records = records;
        this.agenda = agenda;
        this.audit = audit;
        this.directories = directories;
        this.choices = choices;
    }

    // --- meetings -----------------------------------------------------------------------------------------------

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

    @InTransaction
    public Uni<List<MeetingView.Summary>> list(Caller caller, LocalDate from, LocalDate to, MeetingType type) {
        return records.meetings(caller.municipality(), from, to, type).map(all -> all.stream()
                .map(MeetingView.Summary::of).toList());
    }

    /**
     * A meeting with its agenda and minutes. The material of a case meeting (支援会議 above all) is for coordinators
     * and the meeting's members only: anyone else gets 404. Every read and every refused attempt is audited.
     */
    public Uni<MeetingView> view(Caller caller, String meetingId) {
        return records.meeting(meetingId)
                .chain(found -> {
                    if (found.isPresent() && !found.get().municipality().equals(caller.municipality())) {
                        // another city's meeting: refused like a missing one, but the attempt is on record
                        return audit.record(caller, "read-meeting", "meeting/" + meetingId, AuditTrail.DENIED)
                                .map(v -> Optional.<Meeting>empty());
                    }
                    return Uni.createFrom().item(found);
                })
                .map(found -> found.orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)))
                .chain(m -> {
                    if (!m.hasCaseAgenda()) {
                        return load(caller, m);
                    }
                    boolean allowed = caller.is(Roles.COORDINATOR) || m.includes(caller.agencyId());
                    return audit.record(caller, "read-meeting:" + m.type(), "meeting/" + meetingId,
                                    allowed ? AuditTrail.ALLOWED : AuditTrail.DENIED)
                            .chain(() -> {
                                if (!allowed) {
                                    throw ApiProblem.notFound("meeting " + meetingId);
                                }
                                return load(caller, m);
                            });
                });
    }

    private Uni<MeetingView> load(Caller caller, Meeting m) {
        boolean held = m.heldOn() != null;
        Function<String, String> agencyName = id -> directories.agencyName(m.municipality(), id).orElse(null);
        return records.agenda(m.meetingId()).chain(agenda -> pack(caller, m, agenda)
                .chain(items -> records.reviews(m.meetingId()).chain(reviews -> records.details(m.meetingId())
                        .chain(d -> history.of(m.municipality(), m.meetingId()).chain(versions -> records.caseNumbers(
                                reviews.stream().map(MinutesRules.Review::caseId).toList()).map(numbers ->
                                new MeetingView(m.meetingId(), m.type(), m.type().label(), m.scheduledOn(),
                                m.scheduled().startsAt(), m.scheduled().endsAt(), m.scheduled().place(), m.adHoc(),
                                m.members(), m.heldOn(), held && !versions.isEmpty() ? versions.getLast().attendees()
                                : null,
                                m.hasCaseAgenda() ? items : null,
                                held ? reviews.stream().map(r -> MeetingView.ReviewView.of(r, numbers, agencyName))
                                        .toList() : null,
                                held ? MeetingView.Held.of(d) : null,
                                held ? Math.max(1, versions.size()) : null,
                                held ? versions.stream().filter(v -> v.version() > 1)
                                        .map(MeetingView.Correction::of).toList() : null)))))));
    }

    /**
     * Every version of a meeting's minutes as it stood (each review as the latest version up to it wrote it), with
     * what each correction changed: for those who may read the meeting, audited like the meeting itself.
     */
    public Uni<List<MeetingView.Version>> versions(Caller caller, String meetingId) {
        return view(caller, meetingId).chain(current -> history.of(caller.municipality(), meetingId));
    }

    /**
     * The meeting pack of each case on the agenda: its facts, why it was escalated, how long it has waited, and its
     * earlier reviews (a 支援会議's outcome only for coordinators: its members are bound by art. 106-6, the members
     * of another meeting are not among them).
     */
    private Uni<List<MeetingView.AgendaItem>> pack(Caller caller, Meeting m, List<CaseTrack> agenda) {
        if (!m.hasCaseAgenda() || agenda.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> caseIds = agenda.stream().map(CaseTrack::caseId).toList();
        LocalDate today = BusinessDate.today();
        return records.packs(caseIds).chain(packs -> records.earlierReviews(caseIds, m.meetingId())
                .map(earlier -> agenda.stream().map(t -> {
                    CasePack p = packs.get(t.caseId());
                    List<CasePack.EarlierReview> reviews = earlier.getOrDefault(t.caseId(), List.of()).stream()
                            .map(r -> r.type() == MeetingType.SHIEN_KAIGI && !caller.is(Roles.COORDINATOR)
                                    ? new CasePack.EarlierReview(r.meetingId(), r.type(), r.heldOn(), null) : r)
                            .toList();
                    return new MeetingView.AgendaItem(t.caseId(), p == null ? null : p.caseNumber(), t.track(),
                            t.urgent(), t.queuedOn(),
                            t.queuedOn() == null ? null : ChronoUnit.DAYS.between(t.queuedOn(), today),
                            p == null ? null : p.ageBand(), p == null ? null : p.area(),
                            p == null ? List.of() : p.concerns(), p == null ? List.of() : p.household(),
                            p == null ? null : p.referringAgencyId(),
                            p == null ? null : agencyName(m.municipality(), p.referringAgencyId()),
                            p == null ? List.of() : p.reasons(), reviews);
                }).toList()));
    }

    private String agencyName(String municipality, String agencyId) {
        return directories.agencyName(municipality, agencyId).orElse(null);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Uni<Meeting> ownMeeting(Caller caller, String meetingId) {
        return records.meeting(meetingId).map(found -> found
                .filter(m -> m.municipality().equals(caller.municipality()))
                .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)));
    }

}
