package jp.tsunagu.intake.household;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.intake.referral.IntakeEvents;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.status.CaseStatusRecords;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.support.db.SqlValues.json;

/**
 * A coordinator links cases into a household and takes one out: in one transaction the cases are held, checked
 * ({@link HouseholdRules}), each change is written to the log (household-linked / household-unlinked, ids and
 * 受付番号 only) and acknowledged by Kafka, the status view applies it, and the table changes; a refused request
 * changes nothing. The unlink reason stays here, sealed with the case's data key.
 */
@ApplicationScoped
public class Households {

    private final HouseholdRecords records;
    private final CaseStatusRecords statuses;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final PersonalDataVault vault;
    private final Database database;
    private final BusinessClock clock;

    public Households(HouseholdRecords records, CaseStatusRecords statuses, IntakeEvents events,
                      CaseStatusProjection projection, PersonalDataVault vault, Database database,
                      BusinessClock clock) {
        this.records = records;
        this.statuses = statuses;
        this.events = events;
        this.projection = projection;
        this.vault = vault;
        this.database = database;
        this.clock = clock;
    }

    /** A new household of the cases; answers its id. */
    public Uni<String> create(Caller caller, List<String> caseIds) {
        HouseholdRules.newHousehold(caseIds).ifPresent(r -> {
            throw HouseholdProblems.of(r);
        });
        String householdId = "h-" + UUID.randomUUID();
        LocalDate today = clock.today();
        return database.inTransaction(() -> records.lock(caseIds)
                .chain(() -> joinable(caller, caseIds, "caseIds"))
                .chain(cases -> records.create(householdId, caller.municipality(), caller.subject())
                        .chain(() -> linkEach(cases, householdId, today, caller))))
                .replaceWith(householdId);
    }

    /** The case joins the household. */
    public Uni<Void> add(Caller caller, String householdId, String caseId) {
        LocalDate today = clock.today();
        return database.inTransaction(() -> household(caller, householdId)
                .chain(() -> records.lock(List.of(caseId)))
                .chain(() -> joinable(caller, List.of(caseId), "caseId"))
                .chain(cases -> linkEach(cases, householdId, today, caller)));
    }

    /** The case leaves the household, for the reason given (required). */
    public Uni<Void> unlink(Caller caller, String householdId, String caseId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw HouseholdProblems.invalid("reason", "理由を入力してください");
        }
        LocalDate today = clock.today();
        return database.inTransaction(() -> household(caller, householdId)
                .chain(() -> records.lock(List.of(caseId)))
                .chain(() -> records.currentOf(List.of(caseId)))
                .chain(current -> {
                    if (!householdId.equals(current.get(caseId))) {
                        throw ApiProblem.notFound("member " + caseId + " of household " + householdId);
                    }
                    return statuses.progress(caseId);
                })
                .chain(found -> {
                    CaseProgress c = found.orElseThrow(() -> ApiProblem.notFound("case " + caseId));
                    return sealed(caseId, reason.strip())
                            .chain(sealedReason -> records.unlink(householdId, caseId, today, caller.subject(),
                                    sealedReason))
                            .chain(() -> events.publish(caseId + "/household/" + UUID.randomUUID(),
                                    new IntakeEvent.HouseholdUnlinked(caseId, c.listing().caseNumber(),
                                            c.municipality(), householdId, today), today,
                                    "request/household/" + householdId))
                            .call(projection::apply);
                })
                .replaceWithVoid());
    }

    /** The household of the caller's municipality, else 404. */
    private Uni<Void> household(Caller caller, String householdId) {
        return records.municipalityOf(householdId).map(m -> {
            if (m.filter(caller.municipality()::equals).isEmpty()) {
                throw ApiProblem.notFound("household " + householdId);
            }
            return null;
        });
    }

    /**
     * The cases, each of the caller's municipality (else 404), not joined to another as a duplicate (else 422 on
     * {@code field}) and in no household now (else 409).
     */
    private Uni<List<CaseProgress>> joinable(Caller caller, List<String> caseIds, String field) {
        Uni<List<CaseProgress>> all = Uni.createFrom().item(new ArrayList<>());
        for (String id : caseIds) {
            all = all.chain(list -> statuses.progress(id).map(found -> {
                list.add(found.filter(c -> c.municipality().equals(caller.municipality()))
                        .orElseThrow(() -> ApiProblem.notFound("case " + id)));
                return list;
            }));
        }
        return all.chain(cases -> records.currentOf(caseIds).chain(current -> refuse(cases, current, field)));
    }

    /** {@link HouseholdRules#mayJoin} for each case in turn; the label is looked up only for a case in a household. */
    private Uni<List<CaseProgress>> refuse(List<CaseProgress> cases, Map<String, String> current, String field) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (CaseProgress c : cases) {
            String in = current.get(c.caseId());
            checks = checks.chain(() -> (in == null ? Uni.createFrom().<String>nullItem() : records.label(in))
                    .invoke(label -> HouseholdRules.mayJoin(field, new HouseholdRules.Candidate(c.caseId(),
                            c.listing().caseNumber(), in, label, c.joinedTo())).ifPresent(r -> {
                        throw HouseholdProblems.of(r);
                    }))
                    .replaceWithVoid());
        }
        return checks.replaceWith(cases);
    }

    /**
     * One household-linked per case. The rows are written first and the events last (as DuplicateDecisions orders
     * it), so an insert that fails (the unique current link) leaves no event on the log; the status view applies
     * each event once Kafka has acknowledged it, all in the caller's transaction.
     */
    private Uni<Void> linkEach(List<CaseProgress> cases, String householdId, LocalDate today, Caller caller) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CaseProgress c : cases) {
            all = all.chain(() -> records.link(householdId, c.caseId(), today, caller.subject()));
        }
        for (CaseProgress c : cases) {
            all = all.chain(() -> events.publish(c.caseId() + "/household/" + UUID.randomUUID(),
                            new IntakeEvent.HouseholdLinked(c.caseId(), c.listing().caseNumber(), c.municipality(),
                                    householdId, today), today, "request/household/" + householdId)
                    .call(projection::apply)
                    .replaceWithVoid());
        }
        return all;
    }

    /** The reason sealed with the case's data key; an erased person's case is unlinked without one kept. */
    private Uni<String> sealed(String caseId, String reason) {
        return vault.erased(caseId).chain(erased -> erased ? Uni.createFrom().nullItem()
                : vault.seal(caseId, reason.getBytes(StandardCharsets.UTF_8)).map(s -> json(s)));
    }
}
