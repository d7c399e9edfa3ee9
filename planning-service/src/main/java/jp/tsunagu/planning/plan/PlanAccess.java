package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyRole;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.events.DerivedIds;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who may read and change which plan: coordinators of the plan's municipality; the agency that made it, those with a
 * role in it and the case's referrer (reading); the responsible provider for its kind of plan (changing). Anything
 * else is "not found", like another city's plan.
 */
@ApplicationScoped
public class PlanAccess {

    private final PlanRecords records;
    private final AgencyDirectories directories;

    public PlanAccess(PlanRecords records, AgencyDirectories directories) {
        this.records = records;
        this.directories = directories;
    }

    /** The plan, if the caller may change it (coordinators; the agency that made it or has a role in it). */
    public Uni<PlanRecords.Stored> writable(Caller caller, String planId) {
        return records.planForUpdate(planId).map(found -> {
            PlanRecords.Stored s = found.filter(x -> x.plan().municipality().equals(caller.municipality()))
                    .orElseThrow(() -> ApiProblem.notFound("plan " + planId));
            if (!caller.is(Roles.COORDINATOR) && !involved(caller, s)) {
                throw ApiProblem.notFound("plan " + planId);
            }
            return s;
        });
    }

    public Uni<PlanRecords.Stored> readable(Caller caller, String planId) {
        return records.plan(planId).chain(found -> {
            PlanRecords.Stored s = found.filter(x -> x.plan().municipality().equals(caller.municipality()))
                    .orElseThrow(() -> ApiProblem.notFound("plan " + planId));
            return records.caseRef(s.plan().caseId()).chain(ref -> caller.is(Roles.COORDINATOR)
                    || mayRead(caller, s, ref) || !s.plan().isHousehold() ? Uni.createFrom().item(caller.is(
                    Roles.COORDINATOR) || mayRead(caller, s, ref))
                    // a household's plan: also a reader of any member's case
                    : wishReadable(caller, s).map(readable -> s.plan().caseIds().stream().anyMatch(readable)))
                    .map(may -> {
                        if (!may) {
                            throw ApiProblem.notFound("plan " + planId);
                        }
                        return s;
                    });
        });
    }

    /** The plan as the caller may read it, if she may. */
    public Uni<Optional<PlanView>> view(Caller caller, PlanRecords.Stored s) {
        return records.caseRef(s.plan().caseId()).chain(ref -> wishReadable(caller, s).map(readable -> {
            boolean may = caller.is(Roles.COORDINATOR) || mayRead(caller, s, ref)
                    || (s.plan().isHousehold() && s.plan().caseIds().stream().anyMatch(readable));
            return may ? Optional.of(PlanView.of(s.plan(), readable)) : Optional.empty();
        }));
    }

    /**
     * The member cases of a household's plan whose own words (wish, wish tags) the caller may read: a coordinator's
     * and the plan's author's, all; an agency's, those of the cases it referred, was handed, or has a role for in the
     * plan. A person's plan: readable as a whole, as before.
     */
    public Uni<Predicate<String>> wishReadable(Caller caller, PlanRecords.Stored s) {
        if (caller.is(Roles.COORDINATOR) || !s.plan().isHousehold() || caller.isAgency(s.createdByAgency())) {
            return Uni.createFrom().item(c -> true);
        }
        return Multi.createFrom().iterable(s.plan().caseIds())
                .onItem().transformToUniAndConcatenate(c -> readsCase(caller, c, s.plan()).map(ok -> ok ? c : ""))
                .filter(c -> !c.isEmpty()).collect().asList().map(ok -> Set.copyOf(ok)::contains);
    }

    private Uni<Boolean> readsCase(Caller caller, String caseId, Plan plan) {
        if (caller.agencyId() == null) {
            return Uni.createFrom().item(false);
        }
        if (plan.current().subject(caseId).map(sub -> sub.roles().stream()
                .anyMatch(r -> caller.isAgency(r.agencyId()))).orElse(false)) {
            return Uni.createFrom().item(true);
        }
        return records.caseRef(caseId).chain(ref -> ref.map(r -> caller.isAgency(r.referringAgencyId())).orElse(false)
                ? Uni.createFrom().item(true) : records.isCaseAgency(caseId, caller.agencyId()));
    }

    /** A 多機関協働プラン changes by its meeting or a coordinator; other plans by their responsible provider too. */
    void requireWriter(Caller caller, Plan plan) {
        if (!mayWrite(caller, plan.type())) {
            throw ApiProblem.forbidden("a " + plan.type().label() + " is changed by "
                    + (plan.type() == PlanType.MULTI_AGENCY ? "its 重層的支援会議 or a coordinator"
                    : "the responsible provider or a coordinator"));
        }
    }

    /** A 多機関協働プラン is made by coordinators; other plans by their responsible provider too. */
    void requireMaker(Caller caller, PlanType type) {
        if (!mayWrite(caller, type)) {
            throw ApiProblem.forbidden(type == PlanType.MULTI_AGENCY
                    ? "a 多機関協働プラン is recorded by coordinators" : "a " + type.label()
                    + " is written by the responsible provider or a coordinator");
        }
    }

    /** A new plan's id: derived from the caller's Idempotency-Key, so that a retry finds the plan it made. */
    static String newPlanId(Caller caller, String idempotencyKey) {
        return idempotencyKey == null ? "p-" + UUID.randomUUID() : "p-" + DerivedIds.forCaller(caller, idempotencyKey);
    }

    /**
     * A plan is made for a case of the caller's municipality; an agency makes one only for a case it referred, was
     * handed (routing) or was given a role for (a meeting). Any other case is "not found", like another city's.
     */
    Uni<Void> visibleForWriting(Caller caller, String caseId, Optional<PlanRecords.CaseRef> caseRef) {
        if (caseRef.isEmpty() || !caseRef.get().municipality().equals(caller.municipality())) {
            throw ApiProblem.notFound("case " + caseId);
        }
        if (caller.is(Roles.COORDINATOR) || caller.isAgency(caseRef.get().referringAgencyId())) {
            return Uni.createFrom().voidItem();
        }
        return records.isCaseAgency(caseId, caller.agencyId()).map(mine -> {
            if (!mine) {
                throw ApiProblem.notFound("case " + caseId);
            }
            return null;
        });
    }

    boolean mayWrite(Caller caller, PlanType type) {
        if (caller.is(Roles.COORDINATOR)) {
            return true;
        }
        if (!caller.is(Roles.AGENCY) || type == PlanType.MULTI_AGENCY) {
            return false;
        }
        AgencyRole needed = type == PlanType.OUTREACH ? AgencyRole.OUTREACH : AgencyRole.PARTICIPATION;
        return agency(caller).map(a -> a.role() == needed).orElse(false);
    }

    /** The agency made the plan or has a role in it (a household's plan: for the household or any member). */
    private static boolean involved(Caller caller, PlanRecords.Stored s) {
        return caller.agencyId() != null && (caller.isAgency(s.createdByAgency())
                || s.plan().current().roles().stream().anyMatch(r -> caller.isAgency(r.agencyId()))
                || s.plan().current().subjects().stream().flatMap(sub -> sub.roles().stream())
                .anyMatch(r -> caller.isAgency(r.agencyId())));
    }

    static boolean mayRead(Caller caller, PlanRecords.Stored s, Optional<PlanRecords.CaseRef> ref) {
        return involved(caller, s) || ref.map(r -> caller.isAgency(r.referringAgencyId())).orElse(false);
    }

    private Optional<Agency> agency(Caller caller) {
        return caller.agencyId() == null ? Optional.empty()
                : directories.of(caller.municipality()).flatMap(d -> d.agency(caller.agencyId()));
    }
}
