package jp.tsunagu.planning.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.erasure.ErasedCases;
import jp.tsunagu.support.problem.Params;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a command on a case's plans or placements checks against the case, and the day it is checked on: a date
 * neither before the case was received nor after today (the injected {@link BusinessClock}), no words about a person
 * whose data was erased.
 */
@ApplicationScoped
public class CaseChecks {

    private final PlanRecords records;
    private final ErasedCases erased;
    private final BusinessClock clock;

    public CaseChecks(PlanRecords records, ErasedCases erased, BusinessClock clock) {
        this.records = records;
        this.erased = erased;
        this.clock = clock;
    }

    /** Today's business date. */
    public LocalDate today() {
        return clock.today();
    }

    /** What planning knows of the case. */
    public Uni<Optional<PlanRecords.CaseRef>> ref(String caseId) {
        return records.caseRef(caseId);
    }

    /** The case, after a 400 naming the field when the date is before the case was received or after today. */
    public Uni<Optional<PlanRecords.CaseRef>> requireDate(String field, LocalDate date, String caseId) {
        return records.caseRef(caseId).invoke(ref -> Params.requireCaseDate(field, date,
                PlanRecords.CaseRef.receivedOn(ref), clock.today()));
    }

    /** {@link #requireDate(String, LocalDate, String)} for a case already read. */
    public void requireDate(String field, LocalDate date, Optional<PlanRecords.CaseRef> ref) {
        Params.requireCaseDate(field, date, PlanRecords.CaseRef.receivedOn(ref), clock.today());
    }

    /** A 410 when the case's person was erased: no more words about them are written. */
    public Uni<Void> refuseTextAbout(String caseId) {
        return erased.refuseTextAbout(caseId);
    }

    public Uni<Boolean> isErased(String caseId) {
        return erased.isErased(caseId);
    }

    /** Whether the person of every one of the cases was erased (a household's plan none of whose members remain). */
    public Uni<Boolean> allErased(java.util.List<String> caseIds) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(caseIds).onItem()
                .transformToUniAndConcatenate(erased::isErased).collect().asList()
                .map(gone -> !gone.isEmpty() && gone.stream().allMatch(g -> g));
    }

    /**
     * A 410 when the person of every member case of a household's plan was erased: its household-level words (the
     * household's wish, goals, reasons) are written while any member remains.
     */
    public Uni<Void> refuseTextAboutAll(java.util.List<String> caseIds) {
        return allErased(caseIds).chain(all -> all ? erased.refuseTextAbout(caseIds) : Uni.createFrom().voidItem());
    }
}
