package jp.tsunagu.intake.household;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.household.HouseholdLabel;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.intake.person.PersonDetails;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.intake.person.PersonalRecords;
import jp.tsunagu.intake.status.CaseStatusRecords;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /households/{householdId}} from the status projection (case_status, its history, case_plan,
 * case_meeting) and the vault, each member seen as {@link HouseholdRules#sight} allows. A household the reader may
 * not read is "not found", like any unknown one.
 */
@ApplicationScoped
public class HouseholdReads {

    private final HouseholdRecords records;
    private final CaseStatusRecords statuses;
    private final PersonalRecords persons;
    private final PersonalDataVault vault;
    private final Database database;
    private final AgencyDirectories directories;

    public HouseholdReads(HouseholdRecords records, CaseStatusRecords statuses, PersonalRecords persons,
                          PersonalDataVault vault, Database database, AgencyDirectories directories) {
        this.records = records;
        this.statuses = statuses;
        this.persons = persons;
        this.vault = vault;
        this.database = database;
        this.directories = directories;
    }

    /** What the view was built from, for the audit trail: the members followed and whose persons were shown. */
    public record Read(HouseholdView view, List<String> followed, List<String> personsShown) {
    }

    /** A current member as read: its link, its case, whether its person was erased. */
    private record Current(HouseholdRecords.MemberRow link, CaseProgress progress, boolean erased) {
    }

    public Uni<Read> read(Caller caller, String householdId, LocalDate today) {
        HouseholdRules.Reader reader = new HouseholdRules.Reader(caller.is(Roles.COORDINATOR),
                caller.is(Roles.AGENCY) ? caller.agencyId() : null);
        return database.inTransaction(() -> records.municipalityOf(householdId)
                .map(m -> m.filter(caller.municipality()::equals)
                        .orElseThrow(() -> ApiProblem.notFound("household " + householdId)))
                .chain(municipality -> records.members(householdId)
                        .chain(links -> currents(links).chain(current -> {
                            if (!HouseholdRules.mayRead(reader, current.stream().map(Current::progress).toList())) {
                                throw ApiProblem.notFound("household " + householdId);
                            }
                            return build(new Context(householdId, municipality, reader, today), links, current);
                        }))));
    }

    private record Context(String householdId, String municipality, HouseholdRules.Reader reader, LocalDate today) {
    }

    private Uni<List<Current>> currents(List<HouseholdRecords.MemberRow> links) {
        Uni<List<Current>> all = Uni.createFrom().item(new ArrayList<>());
        for (HouseholdRecords.MemberRow link : links.stream().filter(HouseholdRecords.MemberRow::current).toList()) {
            all = all.chain(list -> statuses.progress(link.caseId()).chain(p -> p.isEmpty()
                    ? Uni.createFrom().item(list) : vault.erased(link.caseId()).map(erased -> {
                        list.add(new Current(link, p.get(), erased));
                        return list;
                    })));
        }
        return all;
    }

    private Uni<Read> build(Context ctx, List<HouseholdRecords.MemberRow> links, List<Current> current) {
        Map<String, HouseholdRules.Sight> sights = new LinkedHashMap<>();
        current.forEach(c -> sights.put(c.link().caseId(), HouseholdRules.sight(ctx.reader(), c.progress(),
                c.erased())));
        List<String> followed = sights.entrySet().stream().filter(e -> e.getValue().follows())
                .map(Map.Entry::getKey).toList();
        List<String> shown = sights.entrySet().stream().filter(e -> e.getValue().person())
                .map(Map.Entry::getKey).toList();
        Map<String, String> numbers = new LinkedHashMap<>();
        links.forEach(l -> numbers.put(l.caseId(), l.caseNumber()));
        return persons.of(shown).chain(fields -> plans(followed).chain(plans -> meetings(followed)
                .chain(meetings -> timeline(ctx, followed, numbers).map(timeline -> {
                    List<HouseholdView.Member> members = current.stream().map(c -> member(ctx, c,
                            sights.get(c.link().caseId()), fields.get(c.link().caseId()))).toList();
                    List<HouseholdView.FormerMember> former = links.stream()
                            .filter(l -> !l.current() && !sights.containsKey(l.caseId()))
                            .map(l -> new HouseholdView.FormerMember(l.caseId(), l.caseNumber(), l.unlinkedOn()))
                            .toList();
                    HouseholdView view = new HouseholdView(ctx.householdId(), ctx.municipality(),
                            HouseholdLabel.of(current.stream().map(c -> c.link().caseNumber()).toList()),
                            members, former, agencies(ctx, current, followed), plans, meetings, timeline);
                    return new Read(view, followed, fields.keySet().stream().toList());
                }))));
    }

    private HouseholdView.Member member(Context ctx, Current c, HouseholdRules.Sight sight, PersonalFields p) {
        CaseProgress progress = c.progress();
        String agency = progress.assignedAgencyId();
        HouseholdView.Person person = sight.person() && p != null ? new HouseholdView.Person(p.name(),
                p.nameKana(), p.birthDate(), p.birthDate() != null ? PersonDetails.age(p.birthDate(), ctx.today())
                : p.age()) : null;
        CaseStatus status = progress.status();
        return new HouseholdView.Member(progress.caseId(), c.link().caseNumber(), c.link().linkedOn(),
                status == null ? null : status.name(), status == null ? null : status.label(), agency,
                name(ctx, agency), person != null, c.erased(), person);
    }

    /** Referrers, responsible agencies and plan roles of the followed members. */
    private List<HouseholdView.Agency> agencies(Context ctx, List<Current> current, List<String> followed) {
        Map<String, Set<String>> cases = new LinkedHashMap<>();
        for (Current c : current) {
            if (!followed.contains(c.link().caseId())) {
                continue;
            }
            CaseProgress p = c.progress();
            List<String> involved = new ArrayList<>();
            involved.add(p.referringAgencyId());
            involved.add(p.assignedAgencyId());
            involved.addAll(p.planRoles());
            involved.stream().filter(a -> a != null)
                    .forEach(a -> cases.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(p.caseId()));
        }
        return cases.entrySet().stream().map(e -> new HouseholdView.Agency(e.getKey(), name(ctx, e.getKey()),
                List.copyOf(e.getValue()))).toList();
    }

    private Uni<List<HouseholdView.Plan>> plans(List<String> followed) {
        return database.list("""
                        select plan_id, array_agg(case_id order by case_id) case_ids, bool_or(open) open
                          from case_plan where case_id = any($1) group by plan_id order by plan_id""",
                row -> new HouseholdView.Plan(row.getString("plan_id"),
                        List.of(row.getArrayOfStrings("case_ids")), row.getBoolean("open")),
                (Object) followed.toArray(String[]::new));
    }

    private Uni<List<HouseholdView.Meeting>> meetings(List<String> followed) {
        return database.list("""
                        select meeting_id, min(meeting_type) meeting_type, min(held_on) held_on,
                               array_agg(case_id order by case_id) case_ids
                          from case_meeting where case_id = any($1) group by meeting_id
                         order by min(held_on), meeting_id""", HouseholdReads::meeting,
                (Object) followed.toArray(String[]::new));
    }

    private static HouseholdView.Meeting meeting(Row row) {
        MeetingType type = MeetingType.valueOf(row.getString("meeting_type"));
        return new HouseholdView.Meeting(row.getString("meeting_id"), type.name(), type.label(),
                row.getLocalDate("held_on"), List.of(row.getArrayOfStrings("case_ids")));
    }

    /** The followed members' history lines (never a decliner's reason), merged by when they were recorded. */
    private Uni<List<HouseholdView.Line>> timeline(Context ctx, List<String> followed, Map<String, String> numbers) {
        return database.list("""
                        select case_id, event_type, status, agency_id, business_date, recorded_at, detail
                          from case_status_history where case_id = any($1)
                         order by recorded_at, event_id""", row -> {
                    String status = row.getString("status");
                    String agency = row.getString("agency_id");
                    String caseId = row.getString("case_id");
                    return new HouseholdView.Line(caseId, numbers.get(caseId), row.getString("event_type"),
                            status == null ? null : CaseStatus.valueOf(status).label(), row.getString("detail"),
                            agency, agency == null ? null : name(ctx, agency), row.getLocalDate("business_date"),
                            row.getOffsetDateTime("recorded_at").toInstant());
                }, (Object) followed.toArray(String[]::new));
    }

    private String name(Context ctx, String agencyId) {
        return agencyId == null ? null : directories.agencyName(ctx.municipality(), agencyId).orElse(agencyId);
    }
}
