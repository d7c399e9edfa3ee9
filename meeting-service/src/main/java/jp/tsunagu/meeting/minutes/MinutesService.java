package jp.tsunagu.meeting.minutes;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.meeting.agenda.Agenda;
import jp.tsunagu.meeting.agenda.CaseTrack;
import jp.tsunagu.meeting.agenda.HouseholdAgenda;
import jp.tsunagu.meeting.agenda.HouseholdRecords;
import jp.tsunagu.meeting.agenda.Meeting;
import jp.tsunagu.meeting.agenda.MeetingEvents;
import jp.tsunagu.meeting.agenda.MeetingRecords;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.security.Caller;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A meeting's minutes: checked by {@link MinutesRules}, then each review and the minutes themselves become events,
 * and the cases on the agenda that were not reviewed move to the next meeting of their track.
 */
@ApplicationScoped
public class MinutesService {

    private final MeetingRecords records;
    private final MinutesRecords minutesRecords;
    private final MinutesContext context;
    private final MeetingEvents events;
    private final Agenda agenda;
    private final HouseholdRecords households;

    public MinutesService(MeetingRecords records, MinutesRecords minutesRecords, MinutesContext context,
                          MeetingEvents events, Agenda agenda, HouseholdRecords households) {
        this.households = households;
        this.records = records;
        this.minutesRecords = minutesRecords;
        this.context = context;
        this.events = events;
        this.agenda = agenda;
    }

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
                .chain(m -> records.agenda(meetingId).chain(agenda -> households.items(meetingId,
                        agenda.stream().map(CaseTrack::caseId).toList()).chain(items ->
                tracks(reviewed).chain(tracks -> {
                    List<FieldError> unknown = new FieldErrors(); // bounded: 30,000 unknown ids keep the first
                    for (int i = 0; i < reviewed.size(); i++) {
                        CaseTrack t = tracks.get(reviewed.get(i));
                        if (t == null || !t.municipality().equals(caller.municipality())) {
                            unknown.add(new FieldError("reviews[" + i + "].caseId", "no such case in this municipality"));
                        }
                    }
                    if (!unknown.isEmpty() && m.heldOn() == null) {
                        throw ApiProblem.validation(unknown);
                    }
                    MinutesRules.Result.Conflict joined = m.heldOn() != null ? null : MinutesRules.joinedRefusal(
                            reviewed, tracks.values().stream().filter(CaseTrack::joined).map(CaseTrack::caseId)
                                    .collect(Collectors.toSet()));
                    if (joined != null) {
                        throw ApiProblem.conflict(joined.slug(), joined.detail());
                    }
                    Map<String, Consent> consents = tracks.values().stream()
                            .collect(Collectors.toMap(CaseTrack::caseId, CaseTrack::consent));
                    Set<String> onAgenda = agenda.stream().map(CaseTrack::caseId).collect(Collectors.toSet());
                    return records.packs(reviewed).chain(packs -> context.runningPlans(reviewed).chain(running -> {
                    Map<String, LocalDate> received = new HashMap<>();
                    packs.values().stream().filter(p -> p.receivedOn() != null)
                            .forEach(p -> received.put(p.caseId(), p.receivedOn()));
                    MinutesRules.Details scheduled = MinutesRules.Details.asScheduled(m.scheduled());
                    Map<String, String> numbers = new HashMap<>();
                    packs.values().stream().filter(p -> p.caseNumber() != null)
                            .forEach(p -> numbers.put(p.caseId(), p.caseNumber()));
                    Map<String, String> discussedWith = HouseholdMinutes.householdOf(reviewed, items.itemOf());
                    HouseholdMinutes.Result household = HouseholdMinutes.check(request.households(), reviewed,
                            items.itemOf(), h -> HouseholdMinutes.label(h, discussedWith, numbers));
                    return switch (MinutesRules.check(new MinutesRules.Meeting(m.type(), m.heldOn(), onAgenda,
                            consents, context.agencyIds(caller), received, running, scheduled),
                            request, today)) {
                        case MinutesRules.Result.Invalid i -> throw ApiProblem.validation(Stream.concat(
                                i.errors().stream(), household.errors().stream()).toList());
                        case MinutesRules.Result.Conflict c -> throw ApiProblem.conflict(c.slug(), c.detail());
                        case MinutesRules.Result.Valid v -> {
                            if (!household.errors().isEmpty()) {
                                throw ApiProblem.validation(household.errors());
                            }
                            yield context.refuseWordsAboutErased(v.reviews().stream()
                                    .filter(r -> r.writesTextBeyond(null)).map(MinutesRules.Review::caseId).toList(),
                                    Stream.concat(v.details().notes() == null ? Stream.<String>of() : reviewed.stream(),
                                            noteCases(household, items)).toList())
                                    .chain(() -> record(caller, m, v, agenda, new Reviewed(tracks, household)));
                        }
                    };
                    }));
                })))).chain(() -> records.meeting(meetingId)).map(Optional::orElseThrow);
    }

    /** The cases a household's note may be about: its members' (an erased one's refuses the note). */
    private static Stream<String> noteCases(HouseholdMinutes.Result household, HouseholdRecords.Items items) {
        return household.households().stream().filter(h -> h.note() != null)
                .flatMap(h -> items.households().getOrDefault(h.householdId(), List.of()).stream())
                .map(HouseholdAgenda.Member::caseId);
    }

    /** The cases a corrected household note may be about: those reviewed with it (an erased one's refuses the note). */
    private static Stream<String> noteCases(List<HouseholdMinutes.Household> corrected,
                                            Map<String, String> householdOf) {
        return corrected.stream().filter(h -> h.note() != null).flatMap(h -> householdOf.entrySet().stream()
                .filter(e -> h.householdId().equals(e.getValue())).map(Map.Entry::getKey));
    }

    /**
     * The cases the minutes review: their tracks, and the households (世帯) discussed as one item with the household
     * each review was discussed with (on its own: absent).
     */
    private record Reviewed(Map<String, CaseTrack> tracks, HouseholdMinutes.Result households) {
    }

    private Uni<Void> record(Caller caller, Meeting m, MinutesRules.Result.Valid minutes, List<CaseTrack> agenda,
                             Reviewed reviewedCases) {
        Map<String, CaseTrack> tracks = reviewedCases.tracks();
        Map<String, String> householdOf = reviewedCases.households().householdOf();
        String cause = "request/minutes/" + m.meetingId();
        Uni<Void> reviews = Multi.createFrom().iterable(minutes.reviews())
                .onItem().transformToUniAndConcatenate(r -> events.publish(EventIds.caseReviewed(m.meetingId(), r.caseId()),
                                new MeetingEvent.CaseReviewed(r.caseId(), m.municipality(), m.meetingId(), m.type(),
                                        minutes.heldOn(), r.outcome(), r.planType(), r.roles(), r.adHoc(),
                                        r.terms().reviewOn(), householdOf.get(r.caseId())),
                                minutes.heldOn(), cause)
                        .chain(() -> minutesRecords.saveReview(m.meetingId(), r, minutes.reviews().indexOf(r),
                                householdOf.get(r.caseId())))
                        .chain(() -> {
                            return records.saveTrack(tracks.get(r.caseId()).reviewed());
                        }))
                .collect().asList().replaceWithVoid();
        Set<String> reviewed = minutes.reviews().stream().map(MinutesRules.Review::caseId).collect(Collectors.toSet());
        return reviews
                .chain(() -> records.markHeld(m.meetingId(), minutes.heldOn()))
                .chain(() -> minutesRecords.saveMinutesVersion(m.meetingId(), new MinutesVersion(1, null, caller.subject(),
                        context.recorderName(), null, minutes.heldOn(), minutes.attendees(), minutes.details(), List.of())))
                .chain(() -> minutesRecords.saveHouseholds(m.meetingId(), 1,
                        reviewedCases.households().households()))
                .chain(() -> events.publish(EventIds.minutesRecorded(m.meetingId()),
                        new MeetingEvent.MinutesRecorded(m.meetingId(), m.municipality(), m.type(), minutes.heldOn(),
                                Attendee.agencyIds(minutes.attendees()), minutes.reviews().size()), minutes.heldOn(),
                        cause))
                .chain(() -> Multi.createFrom().iterable(agenda.stream().filter(t -> !reviewed.contains(t.caseId()))
                                .toList())
                        .onItem().transformToUniAndConcatenate(t -> carryOver(m, t, minutes.heldOn()))
                        .collect().asList())
                .replaceWithVoid();
    }

    /**
     * A correction of held minutes (議事録の訂正), checked by {@link MinutesAmendments}: the reviews it changed and the
     * minutes' new version become events (the figures and the plans follow them), the version before stays readable,
     * and the correction is audited.
     */
    @InTransaction
    public Uni<Integer> amend(Caller caller, String meetingId, AmendmentRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        return records.meetingForUpdate(meetingId).map(found -> found
                        .filter(m -> m.municipality().equals(caller.municipality()))
                        .orElseThrow(() -> ApiProblem.notFound("meeting " + meetingId)))
                .chain(m -> {
                    if (m.heldOn() == null) {
                        throw ApiProblem.conflict("minutes-missing", "meeting " + meetingId + " has no minutes yet: "
                                + "record them with POST /meetings/{meetingId}/minutes");
                    }
                    return minutesRecords.reviews(meetingId).chain(reviews -> tracks(reviews.stream()
                            .map(MinutesRules.Review::caseId).toList()).chain(tracks -> minutesRecords.details(meetingId)
                            .chain(details -> minutesRecords.reviewHouseholds(meetingId).chain(householdOf ->
                                    minutesRecords.households(meetingId).chain(households ->
                                    minutesRecords.minutesVersions(meetingId).chain(versions -> context.runningPlans(
                                            reviews.stream().map(MinutesRules.Review::caseId).toList())
                                            .chain(running -> {
                                Map<String, Consent> consents = tracks.values().stream()
                                        .collect(Collectors.toMap(CaseTrack::caseId, CaseTrack::consent));
                                MinutesVersion current = versions.getLast();
                                var minutes = new MinutesAmendments.Minutes(m.type(), m.heldOn(), current.version(),
                                        current.attendees(), details, reviews, consents,
                                        context.agencyIds(caller), running, households);
                                return switch (MinutesAmendments.check(minutes, request)) {
                                    case MinutesAmendments.Result.Invalid i -> throw ApiProblem.validation(i.errors());
                                    case MinutesAmendments.Result.Conflict c ->
                                            throw ApiProblem.conflict(c.slug(), c.detail());
                                    case MinutesAmendments.Result.Valid v -> context.refuseWordsAboutErased(
                                            v.changed().stream().filter(c -> c.after().writesTextBeyond(c.before()))
                                                    .map(c -> c.after().caseId()).toList(),
                                            Stream.concat(Objects.equals(v.details().notes(), details.notes())
                                                    ? Stream.<String>of()
                                                    : reviews.stream().map(MinutesRules.Review::caseId),
                                                    noteCases(v.households(), householdOf)).toList())
                                            .chain(() -> amend(caller, m, v, householdOf));
                                };
                            })))))));
                });
    }

    /** @param householdOf the household each review was discussed with (kept by its corrections) */
    private Uni<Integer> amend(Caller caller, Meeting m, MinutesAmendments.Result.Valid v,
                               Map<String, String> householdOf) {
        String cause = "request/minutes/" + m.meetingId() + "/v" + v.version();
        List<String> amended = v.changed().stream().map(c -> c.after().caseId()).toList();
        Uni<Void> reviews = Multi.createFrom().iterable(v.changed())
                .onItem().transformToUniAndConcatenate(c -> {
                    MinutesRules.Review r = c.after();
                    return events.publish(EventIds.caseReviewAmended(m.meetingId(), r.caseId(), v.version()),
                                    new MeetingEvent.CaseReviewAmended(r.caseId(), m.municipality(), m.meetingId(),
                                            m.type(), m.heldOn(), v.version(), c.before().outcome(), r.outcome(),
                                            r.planType(), r.roles(), r.terms().reviewOn(),
                                            householdOf.get(r.caseId())), m.heldOn(), cause)
                            .chain(() -> minutesRecords.amendReview(m.meetingId(), v.version(), r));
                })
                .collect().asList().replaceWithVoid();
        return reviews
                .chain(() -> minutesRecords.saveMinutesVersion(m.meetingId(), new MinutesVersion(v.version(), null,
                        caller.subject(), context.recorderName(), v.reason(), m.heldOn(), v.attendees(), v.details(),
                        amended)))
                .chain(() -> minutesRecords.saveHouseholds(m.meetingId(), v.version(), v.households()))
                .chain(() -> events.publish(EventIds.minutesAmended(m.meetingId(), v.version()),
                        new MeetingEvent.MinutesAmended(m.meetingId(), m.municipality(), m.type(), m.heldOn(),
                                v.version(), Attendee.agencyIds(v.attendees()), amended), m.heldOn(), cause))
                .chain(() -> context.audited(caller, "amend-minutes:" + m.type(), "meeting/" + m.meetingId() + "/v"
                        + v.version()))
                .replaceWith(v.version());
    }

    /** A case on the agenda but not reviewed stays queued: it moves to the next meeting of its track. */
    private Uni<Void> carryOver(Meeting held, CaseTrack t, LocalDate heldOn) {
        String eventId = EventIds.carriedOver(held.meetingId(), t.caseId());
        return agenda.nextMeeting(t.municipality(), t.track(), heldOn.plusDays(1), eventId).chain(next -> {
            CaseTrack moved = t.onAgendaOf(next.map(Meeting::meetingId).orElse(null));
            return records.saveTrack(moved).chain(() -> agenda.publishQueued(eventId, moved, heldOn,
                    EventIds.minutesRecorded(held.meetingId())));
        });
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
}
