package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.security.Caller;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The coordinator chooses which meeting discusses a case: she puts a waiting case on a meeting's agenda (or names the
 * cases of a new ad-hoc meeting), and lists the cases waiting for one. What a meeting may take is
 * {@link AgendaDecider#choiceRefusal}'s.
 */
@ApplicationScoped
public class AgendaChoices {

    /** The most cases the waiting list answers with (a city has tens waiting, not thousands). */
    static final int WAITING_LIMIT = 500;

    private final MeetingRecords records;
    private final Agenda agenda;
    private final AuditTrail audit;
    private final AgencyDirectories directories;
    private final BusinessClock clock;
    private final HouseholdRecords households;

    public AgendaChoices(MeetingRecords records, Agenda agenda, AuditTrail audit, AgencyDirectories directories,
                         BusinessClock clock, HouseholdRecords households) {
        this.households = households;
        this.clock = clock;
        this.records = records;
        this.agenda = agenda;
        this.audit = audit;
        this.directories = directories;
    }

    /** {@code PUT /cases/{caseId}/agenda}: the case on the meeting's agenda (already there: nothing changes). */
    @InTransaction
    public Uni<WaitingCase> choose(Caller caller, String caseId, String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            throw ApiProblem.validation(List.of(new FieldError("meetingId", "required")));
        }
        return records.track(caseId).map(found -> found
                        .filter(t -> t.municipality().equals(caller.municipality()))
                        .orElseThrow(() -> ApiProblem.notFound("case " + caseId)))
                .chain(t -> records.meeting(meetingId).map(found -> found
                                .filter(m -> m.municipality().equals(caller.municipality()))
                                .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)))
                        .chain(m -> {
                            if (t.queued() && meetingId.equals(t.meetingId())) {
                                return Uni.createFrom().item(t);
                            }
                            refuseUnlessTakes(t, m);
                            CaseTrack chosen = AgendaDecider.chosen(t, m);
                            String cause = "request/agenda/" + caseId + "/" + UUID.randomUUID();
                            return records.saveTrack(chosen).chain(() -> agenda.publishQueued(EventIds.queued(cause),
                                    chosen, clock.today(), cause)).replaceWith(chosen);
                        }))
                .chain(t -> view(List.of(t)).map(List::getFirst));
    }

    /**
     * {@code PUT /households/{householdId}/agenda}: every member case that waits for a review and that the meeting may
     * take on the meeting's agenda as one household item ({@link HouseholdAgenda#choose}: each case as {@link #choose}
     * would place it); the cases that moved are told as case-queued. The item's cases, as they now wait, and the
     * waiting members left where they wait with why (refused only when none is placed).
     */
    @InTransaction
    public Uni<HouseholdOnAgenda> chooseForHousehold(Caller caller, String householdId, String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            throw ApiProblem.validation(List.of(new FieldError("meetingId", "required")));
        }
        return households.members(householdId).map(members -> {
                    if (members.isEmpty() || !members.getFirst().municipality().equals(caller.municipality())) {
                        throw ApiProblem.notFound("household " + householdId);
                    }
                    return members;
                })
                .chain(members -> records.meeting(meetingId).map(found -> found
                                .filter(m -> m.municipality().equals(caller.municipality()))
                                .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)))
                        .chain(m -> Multi.createFrom().iterable(members)
                                .onItem().transformToUniAndConcatenate(member -> records.track(member.caseId())
                                        .map(t -> Map.entry(member.caseId(), t)))
                                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                                .chain(tracks -> switch (HouseholdAgenda.choose(householdId, tracks, m,
                                        clock.today())) {
                                    case HouseholdAgenda.Decision.Refused r ->
                                            throw ApiProblem.conflict(r.refusal().slug(), r.refusal().english());
                                    case HouseholdAgenda.Decision.NothingWaiting n ->
                                            throw ApiProblem.conflict("household-nothing-waiting", n.english());
                                    case HouseholdAgenda.Decision.Chosen c -> placed(householdId, m, c)
                                            .chain(this::view).map(placed -> new HouseholdOnAgenda(placed,
                                                    c.notPlaced().stream().map(n -> HouseholdOnAgenda.NotPlaced.of(n,
                                                            numberOf(members, n.caseId()))).toList()));
                                })));
    }

    private static String numberOf(List<HouseholdAgenda.Member> members, String caseId) {
        return members.stream().filter(x -> x.caseId().equals(caseId)).map(HouseholdAgenda.Member::caseNumber)
                .filter(n -> n != null).findFirst().orElse(null);
    }

    /** The household's waiting members on the meeting's agenda, as its item; those that moved saved and told. */
    private Uni<List<CaseTrack>> placed(String householdId, Meeting m, HouseholdAgenda.Decision.Chosen c) {
        String request = "request/household-agenda/" + householdId + "/" + UUID.randomUUID();
        return Multi.createFrom().iterable(c.moved()).onItem().transformToUniAndConcatenate(t -> {
                    String cause = request + "/" + t.caseId();
                    return records.saveTrack(t).chain(() -> agenda.publishQueued(EventIds.queued(cause), t,
                            clock.today(), cause));
                }).collect().asList()
                .chain(() -> households.putOnAgenda(m.meetingId(), householdId,
                        c.item().stream().map(CaseTrack::caseId).toList()))
                .replaceWith(c.item());
    }

    /**
     * The cases named for a new ad-hoc meeting, checked before it is written: each must be a case of the caller's
     * municipality ({@code cases[i]}, 400) that the meeting may take (409, {@link AgendaDecider#choiceRefusal}).
     */
    public Uni<List<CaseTrack>> named(Caller caller, Meeting m, List<String> cases) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(cases == null ? List.of() : cases));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(records::track)
                .collect().asList().map(found -> {
                    List<FieldError> errors = new FieldErrors();
                    List<CaseTrack> tracks = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        Optional<CaseTrack> t = found.get(i).filter(x -> x.municipality().equals(caller.municipality()));
                        if (t.isEmpty()) {
                            errors.add(new FieldError("cases[" + cases.indexOf(ids.get(i)) + "]",
                                    "no such case in this municipality"));
                        } else {
                            tracks.add(t.get());
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ApiProblem.validation(errors);
                    }
                    tracks.forEach(t -> refuseUnlessTakes(t, m));
                    return tracks;
                });
    }

    /** The named cases on the new meeting's agenda, each told (case-queued). */
    public Uni<Void> attach(Meeting m, List<CaseTrack> named) {
        return Multi.createFrom().iterable(named).onItem().transformToUniAndConcatenate(t -> {
            CaseTrack chosen = AgendaDecider.chosen(t, m);
            return records.saveTrack(chosen).chain(() -> agenda.publishQueued(
                    EventIds.attached(m.meetingId(), t.caseId()), chosen, clock.today(),
                    "meeting/" + m.meetingId()));
        }).collect().asList().replaceWithVoid();
    }

    /** {@code GET /agenda/waiting}: the cases waiting for a review, those with no meeting first; audited. */
    public Uni<List<WaitingCase>> waiting(Caller caller, MeetingType track) {
        return records.waiting(caller.municipality(), track, WAITING_LIMIT).chain(this::view)
                .call(list -> audit.record(caller, "read-waiting-cases", "agenda/waiting", AuditTrail.ALLOWED));
    }

    private void refuseUnlessTakes(CaseTrack t, Meeting m) {
        AgendaDecider.choiceRefusal(t, m, clock.today()).ifPresent(r -> {
            throw ApiProblem.conflict(r.slug(), r.english());
        });
    }

    private Uni<List<WaitingCase>> view(List<CaseTrack> tracks) {
        List<String> caseIds = tracks.stream().map(CaseTrack::caseId).toList();
        List<String> meetingIds = tracks.stream().map(CaseTrack::meetingId).filter(id -> id != null).distinct().toList();
        LocalDate today = clock.today();
        return records.packs(caseIds).chain(packs -> records.meetingsById(meetingIds).map(meetings -> tracks.stream()
                .map(t -> WaitingCase.of(t, packs.get(t.caseId()),
                        t.meetingId() == null ? null : meetings.get(t.meetingId()), today,
                        id -> directories.agencyName(t.municipality(), id).orElse(null)))
                .toList()));
    }

    /** @see ChronoUnit#DAYS */
    static Long daysSince(LocalDate from, LocalDate today) {
        return from == null ? null : ChronoUnit.DAYS.between(from, today);
    }
}
