package jp.tsunagu.meeting.agenda;


import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.meeting.minutes.MinutesRequest;
import jp.tsunagu.meeting.minutes.MinutesRules;
import jp.tsunagu.meeting.schedule.MeetingCalendar;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.events.StageProjection;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 多機関協働事業's meetings: the queue of escalated cases per track, the regular calendar and ad-hoc meetings, minutes
 * and their outcomes as events, and who may read the material of a meeting.
 */
@ApplicationScoped
public class MeetingService {

    private final MeetingRecords records;
    private final MeetingEvents events;
    private final AuditTrail audit;
    private final Optional<java.nio.file.Path> calendarDir;
    private final Map<String, AgencyDirectory> directories;
    private final int urgentWithinDays;

    public MeetingService(MeetingRecords records, MeetingEvents events, AuditTrail audit,
                          @ConfigProperty(name = "tsunagu.meetings.calendar-dir") Optional<java.nio.file.Path> calendarDir,
                          AgencyDirectories directories,
                          @ConfigProperty(name = "tsunagu.meetings.urgent-within-days") int urgentWithinDays) {
        this.records = records;
        this.events = events;
        this.audit = audit;
        this.calendarDir = calendarDir;
        this.directories = directories.view();
        this.urgentWithinDays = urgentWithinDays;
    }

    // --- events in ----------------------------------------------------------------------------------------------

    /** What an event of the stage topics asks of the agenda. */
    enum Handling {
        /** nothing here */
        NONE,
        /** a new case to know of: written with the other new cases of its run, in one statement */
        NEW_CASE,
        /** read and decided alone */
        ALONE
    }

    /** Exhaustive, so a new event type does not compile until someone decides what it asks of the agenda. */
    static Handling handling(TsunaguEvent event) {
        return switch (event) {
            case IntakeEvent.ReferralReceived r -> Handling.NEW_CASE;
            case IntakeEvent.ConsentRecorded c -> Handling.ALONE;
            case IntakeEvent.PersonErased e -> Handling.ALONE;
            case RoutingEvent.CaseEscalated e -> Handling.ALONE;
            case RoutingEvent.CaseRouted e -> Handling.NONE;
            case RoutingEvent.OutreachRequested e -> Handling.NONE;
            case RoutingEvent.RoutingAccepted e -> Handling.NONE;
            case RoutingEvent.RoutingDeclined e -> Handling.NONE;
            case RoutingEvent.AcceptanceOverdue e -> Handling.NONE;
            case RoutingEvent.DirectoryChanged e -> Handling.NONE;
            case MeetingEvent e -> Handling.NONE;
            case PlanningEvent e -> Handling.NONE;
        };
    }

    /**
     * Applies events of the intake and routing topics not applied before, in order (inside the consumer's
     * transaction): runs of new cases as one statement, the rest one by one.
     */
    public Uni<Void> onStageEvents(List<EventEnvelope<TsunaguEvent>> events) {
        return StageProjection.inRuns(events, e -> handling(e) == Handling.NEW_CASE, this::newCases, this::alone);
    }

    /** A case referred: known from now on, with its consent; one it already knows (escalated first) stays as it is. */
    private Uni<Void> newCases(List<EventEnvelope<TsunaguEvent>> run) {
        return records.saveNewTracks(run.stream().map(e -> (IntakeEvent.ReferralReceived) e.data())
                .map(r -> CaseTrack.referred(r.caseId(), r.municipality(), r.consent())).toList());
    }

    private Uni<Void> alone(EventEnvelope<TsunaguEvent> envelope) {
        return switch (envelope.data()) {
            case IntakeEvent.ConsentRecorded c -> consentChanged(envelope, c);
            case IntakeEvent.PersonErased e -> records.eraseCase(e.caseId());
            case RoutingEvent.CaseEscalated e -> queueEscalated(envelope, e);
            default -> Uni.createFrom().voidItem(); // Handling.NONE
        };
    }

    private Uni<Void> queueEscalated(EventEnvelope<TsunaguEvent> envelope, RoutingEvent.CaseEscalated e) {
        LocalDate on = envelope.businessDate();
        return records.track(e.caseId()).chain(known -> {
            AgendaDecider.Placement p = AgendaDecider.placement(known, e);
            Uni<Optional<Meeting>> meeting = p.urgency() == CaseTrack.Urgency.URGENT
                    ? urgentShienKaigi(e.municipality(), on, envelope.id()).map(Optional::of)
                    : nextMeeting(e.municipality(), p.track(), on, envelope.id());
            return meeting.chain(m -> {
                CaseTrack track = CaseTrack.escalated(e.caseId(), e.municipality(), p.consent(), p.track(),
                        m.map(Meeting::meetingId).orElse(null), p.urgency(), on);
                return records.saveTrack(track).chain(() -> publishQueued(EventIds.queued(envelope.id()), track, on,
                        envelope.id()));
            });
        });
    }

    /** Consent obtained later moves a queued case to 重層的支援会議; withdrawn, back to 支援会議. */
    private Uni<Void> consentChanged(EventEnvelope<TsunaguEvent> envelope, IntakeEvent.ConsentRecorded c) {
        LocalDate on = envelope.businessDate();
        return records.track(c.caseId()).chain(found -> {
            CaseTrack t = AgendaDecider.known(found, c).withConsent(c.consent());
            Optional<MeetingType> move = AgendaDecider.moveOnConsent(t, c.consent());
            if (move.isEmpty()) {
                return records.saveTrack(t);
            }
            return nextMeeting(t.municipality(), move.get(), on, envelope.id()).chain(m -> {
                CaseTrack moved = t.movedTo(move.get(), m.map(Meeting::meetingId).orElse(null), on);
                return records.saveTrack(moved).chain(() -> publishQueued(EventIds.requeued(envelope.id()), moved, on,
                        envelope.id()));
            });
        });
    }

    // --- meetings -----------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<Meeting> create(Caller caller, String idempotencyKey, NewMeeting request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        MeetingType type = request.type() == null ? null : Coded.parse(MeetingType.class, request.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "required; one of " + String.join(", ", Coded.codes(MeetingType.class))));
        }
        LocalDate on = Params.date(request.scheduledOn(), "scheduledOn", true, errors);
        List<String> members = request.members() == null ? List.of() : request.members();
        Set<String> agencies = agencyIds(caller.municipality());
        for (int i = 0; i < members.size(); i++) {
            if (!agencies.contains(members.get(i))) {
                errors.add(new FieldError("members[" + i + "]", "not an agency of this municipality (GET /agencies)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : "m-" + DerivedIds.forCaller(caller, idempotencyKey);
        Meeting meeting = new Meeting(id, caller.municipality(), type, on, true, List.copyOf(members), null, List.of());
        return records.insertMeeting(meeting).chain(isNew -> isNew
                ? publishScheduled(meeting, "request/meeting/" + id).chain(() -> attachWaiting(meeting))
                .replaceWith(meeting)
                : records.meeting(id).map(Optional::orElseThrow));
    }

    /** The fiscal year's regular meetings from the municipality's calendar (already scheduled ones are kept). */
    @InTransaction
    public Uni<List<Meeting>> scheduleYear(Caller caller, FiscalYear year) {
        MeetingCalendar calendar = calendar(caller.municipality()).orElseThrow(() ->
                ApiProblem.notFound("a meeting calendar for municipality " + caller.municipality()));
        return ensureSchedule(calendar, year, "request/schedule/" + year.label())
                .chain(() -> records.meetings(caller.municipality(), year.start(), year.end(), null))
                .map(all -> all.stream().filter(m -> !m.adHoc()).toList());
    }

    @InTransaction
    public Uni<Meeting> setMembers(Caller caller, String meetingId, List<String> members) {
        Set<String> agencies = agencyIds(caller.municipality());
        List<FieldError> errors = new ArrayList<>();
        List<String> given = members == null ? List.of() : members;
        for (int i = 0; i < given.size(); i++) {
            if (!agencies.contains(given.get(i))) {
                errors.add(new FieldError("members[" + i + "]", "not an agency of this municipality"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return ownMeeting(caller, meetingId).chain(m -> records.setMembers(meetingId, given))
                .chain(() -> records.meeting(meetingId)).map(Optional::orElseThrow);
    }

    @InTransaction
    public Uni<List<MeetingView.Summary>> list(Caller caller, LocalDate from, LocalDate to, MeetingType type) {
        return records.meetings(caller.municipality(), from, to, type).map(all -> all.stream()
                .map(m -> new MeetingView.Summary(m.meetingId(), m.type(), m.type().label(), m.scheduledOn(),
                        m.adHoc(), m.heldOn())).toList());
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
                        return load(m);
                    }
                    boolean allowed = caller.is(Roles.COORDINATOR) || m.includes(caller.agencyId());
                    return audit.record(caller, "read-meeting:" + m.type(), "meeting/" + meetingId,
                                    allowed ? AuditTrail.ALLOWED : AuditTrail.DENIED)
                            .chain(() -> {
                                if (!allowed) {
                                    throw ApiProblem.notFound("meeting " + meetingId);
                                }
                                return load(m);
                            });
                });
    }

    private Uni<MeetingView> load(Meeting m) {
        return records.agenda(m.meetingId()).chain(agenda -> records.reviews(m.meetingId())
                .map(reviews -> new MeetingView(m.meetingId(), m.type(), m.type().label(), m.scheduledOn(), m.adHoc(),
                        m.members(), m.heldOn(), m.heldOn() == null ? null : m.attendees(),
                        m.hasCaseAgenda() ? agenda.stream().map(t -> new MeetingView.AgendaItem(t.caseId(), t.track(),
                                t.urgent(), t.queuedOn())).toList() : null,
                        m.heldOn() == null ? null : reviews.stream().map(r -> new MeetingView.ReviewView(r.caseId(),
                                r.outcome().name(), r.planType() == null ? null : r.planType().name(), r.roles(),
                                r.note(), r.adHoc(), r.adHocReason())).toList())));
    }

    // --- minutes ------------------------------------------------------------------------------------------------

    @InTransaction
    public Uni<Meeting> recordMinutes(Caller caller, String meetingId, MinutesRequest request, LocalDate today) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<String> reviewed = request.reviews() == null ? List.of() : request.reviews().stream()
                .filter(r -> r != null && r.caseId() != null).map(MinutesRequest.ReviewRequest::caseId).toList();
        return records.meetingForUpdate(meetingId).map(found -> found
                .filter(m -> m.municipality().equals(caller.municipality()))
                .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)))
                .chain(m -> records.agenda(meetingId).chain(agenda ->
                tracks(reviewed).chain(tracks -> {
                    List<FieldError> unknown = new ArrayList<>();
                    for (int i = 0; i < reviewed.size(); i++) {
                        CaseTrack t = tracks.get(reviewed.get(i));
                        if (t == null || !t.municipality().equals(caller.municipality())) {
                            unknown.add(new FieldError("reviews[" + i + "].caseId", "no such case in this municipality"));
                        }
                    }
                    if (!unknown.isEmpty() && m.heldOn() == null) {
                        throw ApiProblem.validation(unknown);
                    }
                    Map<String, Consent> consents = tracks.values().stream()
                            .collect(Collectors.toMap(CaseTrack::caseId, CaseTrack::consent));
                    Set<String> onAgenda = agenda.stream().map(CaseTrack::caseId).collect(Collectors.toSet());
                    return switch (MinutesRules.check(m.type(), m.heldOn(), request, onAgenda, consents,
                            agencyIds(caller.municipality()), today)) {
                        case MinutesRules.Result.Invalid i -> throw ApiProblem.validation(i.errors());
                        case MinutesRules.Result.Conflict c -> throw ApiProblem.conflict(c.slug(), c.detail());
                        case MinutesRules.Result.Valid v -> record(m, v, agenda, tracks);
                    };
                }))).chain(() -> records.meeting(meetingId)).map(Optional::orElseThrow);
    }

    private Uni<Void> record(Meeting m, MinutesRules.Result.Valid minutes, List<CaseTrack> agenda,
                             Map<String, CaseTrack> tracks) {
        String cause = "request/minutes/" + m.meetingId();
        Uni<Void> reviews = Multi.createFrom().iterable(minutes.reviews())
                .onItem().transformToUniAndConcatenate(r -> events.publish(EventIds.caseReviewed(m.meetingId(), r.caseId()),
                                new MeetingEvent.CaseReviewed(r.caseId(), m.municipality(), m.meetingId(), m.type(),
                                        minutes.heldOn(), r.outcome(), r.planType(), r.roles(), r.adHoc()),
                                minutes.heldOn(), cause)
                        .chain(() -> records.saveReview(m.meetingId(), r))
                        .chain(() -> {
                            return records.saveTrack(tracks.get(r.caseId()).reviewed());
                        }))
                .collect().asList().replaceWithVoid();
        Set<String> reviewed = minutes.reviews().stream().map(MinutesRules.Review::caseId).collect(Collectors.toSet());
        return reviews
                .chain(() -> records.markHeld(m.meetingId(), minutes.heldOn(), minutes.attendees()))
                .chain(() -> events.publish(EventIds.minutesRecorded(m.meetingId()),
                        new MeetingEvent.MinutesRecorded(m.meetingId(), m.municipality(), m.type(), minutes.heldOn(),
                                minutes.attendees(), minutes.reviews().size()), minutes.heldOn(), cause))
                .chain(() -> Multi.createFrom().iterable(agenda.stream().filter(t -> !reviewed.contains(t.caseId()))
                                .toList())
                        .onItem().transformToUniAndConcatenate(t -> carryOver(m, t, minutes.heldOn()))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** A case on the agenda but not reviewed stays queued: it moves to the next meeting of its track. */
    private Uni<Void> carryOver(Meeting held, CaseTrack t, LocalDate heldOn) {
        String eventId = EventIds.carriedOver(held.meetingId(), t.caseId());
        return nextMeeting(t.municipality(), t.track(), heldOn.plusDays(1), eventId).chain(next -> {
            CaseTrack moved = t.onAgendaOf(next.map(Meeting::meetingId).orElse(null));
            return records.saveTrack(moved).chain(() -> publishQueued(eventId, moved, heldOn,
                    EventIds.minutesRecorded(held.meetingId())));
        });
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Uni<Meeting> ownMeeting(Caller caller, String meetingId) {
        return records.meeting(meetingId).map(found -> found
                .filter(m -> m.municipality().equals(caller.municipality()))
                .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)));
    }

    private Uni<Map<String, CaseTrack>> tracks(List<String> caseIds) {
        return Multi.createFrom().iterable(Set.copyOf(caseIds))
                .onItem().transformToUniAndConcatenate(records::track)
                .collect().asList()
                .map(found -> {
                    Map<String, CaseTrack> map = new HashMap<>();
                    found.forEach(t -> t.ifPresent(x -> map.put(x.caseId(), x)));
                    return map;
                });
    }

    /** The next meeting of a track; regular series are generated from the calendar when none is scheduled yet. */
    private Uni<Optional<Meeting>> nextMeeting(String municipality, MeetingType type, LocalDate from, String cause) {
        return records.nextMeeting(municipality, type, from).chain(found -> {
            Optional<MeetingCalendar> calendar = calendar(municipality);
            if (found.isPresent() || calendar.isEmpty() || !calendar.get().holdsRegularly(type)) {
                return Uni.createFrom().item(found);
            }
            FiscalYear year = FiscalYear.of(from);
            return ensureSchedule(calendar.get(), year, cause)
                    .chain(() -> ensureSchedule(calendar.get(), year.next(), cause))
                    .chain(() -> records.nextMeeting(municipality, type, from));
        });
    }

    /** An urgent case needs a 支援会議 within the configured days: an existing one, else an ad-hoc one. */
    private Uni<Meeting> urgentShienKaigi(String municipality, LocalDate on, String cause) {
        return records.nextMeeting(municipality, MeetingType.SHIEN_KAIGI, on).chain(found -> {
            if (found.isPresent() && AgendaDecider.soonEnough(found.get(), on, urgentWithinDays)) {
                return Uni.createFrom().item(found.get());
            }
            Meeting adHoc = AgendaDecider.adHocShienKaigi(municipality, on, urgentWithinDays, cause);
            return records.insertMeeting(adHoc).chain(isNew -> isNew ? publishScheduled(adHoc, cause)
                    : Uni.createFrom().voidItem()).replaceWith(adHoc);
        });
    }

    private Uni<Void> ensureSchedule(MeetingCalendar calendar, FiscalYear year, String cause) {
        return Multi.createFrom().iterable(calendar.regularMeetings(year))
                .onItem().transformToUniAndConcatenate(p -> {
                    Meeting m = new Meeting(calendar.municipality() + "-" + p.type() + "-" + p.date(),
                            calendar.municipality(), p.type(), p.date(), false, List.of(), null, List.of());
                    return records.insertMeeting(m).chain(isNew -> isNew ? publishScheduled(m, cause)
                            : Uni.createFrom().voidItem());
                })
                .collect().asList().replaceWithVoid();
    }

    /** Cases of a track that waited for a meeting (none was scheduled) go on the agenda of a new upcoming one. */
    private Uni<Void> attachWaiting(Meeting m) {
        if (!m.hasCaseAgenda() || m.heldOn() != null
                || m.scheduledOn().isBefore(BusinessDate.today())) {
            return Uni.createFrom().voidItem();
        }
        return records.waiting(m.municipality(), m.type()).chain(waiting -> Multi.createFrom().iterable(waiting)
                .onItem().transformToUniAndConcatenate(t -> {
                    CaseTrack attached = t.onAgendaOf(m.meetingId());
                    return records.saveTrack(attached).chain(() -> publishQueued(EventIds.attached(m.meetingId(), t.caseId()), attached, m.scheduledOn(), "meeting/" + m.meetingId()));
                })
                .collect().asList().replaceWithVoid());
    }

    private Uni<Void> publishScheduled(Meeting m, String cause) {
        return events.publish(EventIds.meetingScheduled(m.meetingId()),
                new MeetingEvent.MeetingScheduled(m.meetingId(), m.municipality(), m.type(), m.scheduledOn(), m.adHoc()),
                m.scheduledOn(), cause).replaceWithVoid();
    }

    private Uni<Void> publishQueued(String eventId, CaseTrack t, LocalDate on, String cause) {
        return events.publish(eventId, AgendaDecider.queued(t), on, cause).replaceWithVoid();
    }

    private Optional<MeetingCalendar> calendar(String municipality) {
        return MeetingCalendar.forMunicipality(municipality, calendarDir);
    }

    private Set<String> agencyIds(String municipality) {
        AgencyDirectory d = directories.get(municipality);
        return d == null ? Set.of() : d.agencies().stream().map(Agency::id).collect(Collectors.toSet());
    }
}
