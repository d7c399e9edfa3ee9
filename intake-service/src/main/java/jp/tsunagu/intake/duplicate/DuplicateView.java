package jp.tsunagu.intake.duplicate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.intake.cases.CaseList;
import jp.tsunagu.intake.cases.DuplicateDecision;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.intake.person.PersonalRecords;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static jp.tsunagu.support.db.SqlValues.fromJson;

/** The two cases of a possible duplicate side by side, and the latest decision about them, for coordinators. */
@ApplicationScoped
public class DuplicateView {

    private final CaseList cases;
    private final PersonalRecords persons;
    private final PersonalDataVault vault;
    private final AgencyDirectories directories;
    private final Database database;

    public DuplicateView(CaseList cases, PersonalRecords persons, PersonalDataVault vault,
                         AgencyDirectories directories, Database database) {
        this.cases = cases;
        this.persons = persons;
        this.vault = vault;
        this.directories = directories;
        this.database = database;
    }

    private record Stored(DuplicateDecision decision, String of, String reasonSealed, LocalDate decidedOn,
                          java.time.Instant decidedAt, String decidedBy) {
    }

    @InTransaction
    public Uni<DuplicatePair> pair(Caller caller, String caseId, String of, boolean withNames, LocalDate today) {
        String municipality = caller.municipality();
        return cases.items(municipality, List.of(caseId), today)
                .map(found -> found.stream().findFirst().orElseThrow(() -> ApiProblem.notFound("case " + caseId)))
                .chain(item -> latest(caseId).chain(decided -> {
                    String other = of != null && !of.isBlank() ? of.strip()
                            : decided.map(Stored::of).orElse(item.possibleDuplicateOf());
                    if (other == null || other.equals(caseId)) {
                        throw ApiProblem.notFound("a possible duplicate of case " + caseId);
                    }
                    return cases.items(municipality, List.of(caseId, other), today).chain(both -> {
                        if (both.size() < 2) {
                            throw ApiProblem.notFound("case " + other);
                        }
                        return (withNames ? persons.of(both.stream().map(CaseList.Item::caseId).toList())
                                : Uni.createFrom().item(Map.<String, PersonalFields>of()))
                                .chain(names -> reason(caseId, decided).map(reason -> new DuplicatePair(caseId,
                                        other, decided.map(d -> new DuplicatePair.Decision(d.decision(),
                                                d.decision().label(), d.of(), reason, d.decidedOn(), d.decidedAt(),
                                                d.decidedBy())).orElse(null),
                                        both.stream().map(i -> side(municipality, i, names.get(i.caseId())))
                                                .toList())));
                    });
                }));
    }

    private DuplicatePair.Side side(String municipality, CaseList.Item item, PersonalFields person) {
        CaseList.Item shown = person == null ? item : item.withName(person.name(), person.nameKana());
        return new DuplicatePair.Side(shown, name(municipality, item.referringAgencyId()),
                name(municipality, item.agencyId()), person == null ? null : person.birthDate());
    }

    private String name(String municipality, String agencyId) {
        return agencyId == null ? null : directories.agencyName(municipality, agencyId).orElse(agencyId);
    }

    private Uni<Optional<Stored>> latest(String caseId) {
        return database.first("""
                        select decision, other_case_id, reason_sealed, decided_on, decided_at, decided_by
                          from duplicate_decision where case_id = $1 order by decided_at desc limit 1""",
                row -> new Stored(DuplicateDecision.valueOf(row.getString("decision")),
                        row.getString("other_case_id"), row.getString("reason_sealed"),
                        row.getLocalDate("decided_on"), row.getOffsetDateTime("decided_at").toInstant(),
                        row.getString("decided_by")), caseId);
    }

    /** The decision's reason opened with the case's data key; null without one or after erasure. */
    private Uni<String> reason(String caseId, Optional<Stored> decided) {
        String sealed = decided.map(Stored::reasonSealed).orElse(null);
        if (sealed == null) {
            return Uni.createFrom().nullItem();
        }
        return vault.open(caseId, fromJson(sealed, SealedData.class))
                .map(plain -> plain.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null));
    }
}
