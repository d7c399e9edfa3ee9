package jp.tsunagu.meeting.meetings;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.meeting.agenda.CasePack;
import jp.tsunagu.meeting.agenda.CaseTrack;
import jp.tsunagu.meeting.agenda.HouseholdAgenda;
import jp.tsunagu.meeting.agenda.HouseholdRecords;
import jp.tsunagu.meeting.agenda.Meeting;
import jp.tsunagu.meeting.agenda.MeetingRecords;
import jp.tsunagu.meeting.minutes.MinutesRules;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * 多機関協働事業's meetings as they are read: the list, and a meeting's material (agenda, packs, minutes and their
 * versions) for those who may read it (every read audited). Setting meetings up is {@link MeetingSchedule}'s; cases
 * reach agendas through {@code AgendaIntake} and {@code AgendaChoices}; minutes are {@code MinutesService}'s.
 */
@ApplicationScoped
public class MeetingService {

    private final MeetingRecords records;
    private final AuditTrail audit;
    private final AgencyDirectories directories;
    private final MinutesHistory history;
    private final BusinessClock clock;
    private final HouseholdRecords households;

    public MeetingService(MeetingRecords records, AuditTrail audit, AgencyDirectories directories,
                          MinutesHistory history, BusinessClock clock, HouseholdRecords households) {
        this.households = households;
        this.clock = clock;
        this.history = history;
        this.records = records;
        this.audit = audit;
        this.directories = directories;
    }

    /** The name of the caller's municipality as its directory gives it (its code when it has none). */
    public String municipalityName(String municipality) {
        return directories.of(municipality).map(d -> d.municipalityName()).orElse(municipality);
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
                .chain(items -> history.reviews(m.meetingId()).chain(reviews -> history.details(m.meetingId())
                        .chain(d -> history.of(m.municipality(), m.meetingId()).chain(versions -> records.caseNumbers(
                                reviews.stream().map(MinutesRules.Review::caseId).toList()).chain(numbers ->
                                history.households(m.meetingId()).map(households ->
                                new MeetingView(m.meetingId(), m.type(), m.type().label(), m.scheduledOn(),
                                m.scheduled().startsAt(), m.scheduled().endsAt(), m.scheduled().place(), m.adHoc(),
                                m.members(), m.heldOn(), held && !versions.isEmpty() ? versions.getLast().attendees()
                                : null,
                                m.hasCaseAgenda() ? items : null,
                                held ? reviews.stream().map(r -> MeetingView.ReviewView.of(r, numbers, agencyName,
                                        households.reviewHouseholds())).toList() : null,
                                held ? MeetingView.Held.of(d) : null,
                                held ? Math.max(1, versions.size()) : null,
                                held ? versions.stream().filter(v -> v.version() > 1)
                                        .map(MeetingView.Correction::of).toList() : null,
                                held ? households.notes() : null))))))));
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
        LocalDate today = clock.today();
        return records.packs(caseIds).chain(packs -> records.earlierReviews(caseIds, m.meetingId())
                .chain(earlier -> households.items(m.meetingId(), caseIds).map(household -> HouseholdAgenda
                        .adjacent(agenda, CaseTrack::caseId, household.itemOf()).stream().map(t -> {
                    CasePack p = packs.get(t.caseId());
                    List<CasePack.EarlierReview> reviews = earlier.getOrDefault(t.caseId(), List.of()).stream()
                            .map(r -> r.type() == MeetingType.SHIEN_KAIGI && !caller.is(Roles.COORDINATOR)
                                    ? new CasePack.EarlierReview(r.meetingId(), r.type(), r.heldOn(), null) : r)
                            .toList();
                    String householdId = household.itemOf().get(t.caseId());
                    return new MeetingView.AgendaItem(t.caseId(), p == null ? null : p.caseNumber(), t.track(),
                            t.urgency(), t.urgency().label(), t.review(), t.review().label(), t.emergency(),
                            t.queuedOn(),
                            t.queuedOn() == null ? null : ChronoUnit.DAYS.between(t.queuedOn(), today),
                            p == null ? null : p.ageBand(), p == null ? null : p.area(),
                            p == null ? List.of() : p.concerns(), p == null ? List.of() : p.household(),
                            p == null ? null : p.referringAgencyId(),
                            p == null ? null : agencyName(m.municipality(), p.referringAgencyId()),
                            p == null ? List.of() : p.reasons(), reviews, householdId,
                            householdId == null ? null : household.labelOf(householdId));
                }).toList())));
    }

    private String agencyName(String municipality, String agencyId) {
        return directories.agencyName(municipality, agencyId).orElse(null);
    }

}
