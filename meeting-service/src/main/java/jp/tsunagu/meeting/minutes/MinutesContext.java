package jp.tsunagu.meeting.minutes;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.meeting.agenda.CasePlans;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.erasure.ErasedCases;
import jp.tsunagu.support.security.Caller;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What minutes and their corrections are checked against and written with, besides the meeting's tables: the plans
 * each case runs (a 再プラン needs one), the municipality's agencies, the persons erased (no more words about them),
 * who writes them (as the 議事録 names her) and the audit trail.
 */
@ApplicationScoped
public class MinutesContext {

    private final CasePlans plans;
    private final AgencyDirectories directories;
    private final ErasedCases erased;
    private final Recorder recorder;
    private final AuditTrail audit;

    public MinutesContext(CasePlans plans, AgencyDirectories directories, ErasedCases erased, Recorder recorder,
                          AuditTrail audit) {
        this.plans = plans;
        this.directories = directories;
        this.erased = erased;
        this.recorder = recorder;
        this.audit = audit;
    }

    /** The types of plan running for each of the given cases (a case with none is absent). */
    public Uni<Map<String, Set<PlanType>>> runningPlans(Collection<String> caseIds) {
        return plans.running(caseIds);
    }

    /** The agency ids of the caller's municipality's directory. */
    public Set<String> agencyIds(Caller caller) {
        return directories.agencyIds(caller.municipality());
    }

    /** The caller's name as the 議事録 prints it. */
    public String recorderName() {
        return recorder.name();
    }

    /**
     * Refuses (410) words about an erased person: a review's text about an erased case, or the overall notes of a
     * meeting that discussed one (erasure wrote them over; what is written after it would stay for good).
     *
     * @param reviewTexts the cases whose review the request writes words about
     * @param noteCases   the cases the overall notes written by the request may be about (none when it writes none)
     */
    public Uni<Void> refuseWordsAboutErased(List<String> reviewTexts, List<String> noteCases) {
        return erased.refuseTextAbout(Stream.concat(reviewTexts.stream(), noteCases.stream()).distinct().toList());
    }

    /** A correction of the minutes, on the audit trail. */
    public Uni<Void> audited(Caller caller, String action, String resource) {
        return audit.record(caller, action, resource, AuditTrail.ALLOWED);
    }
}
