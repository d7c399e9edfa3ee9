package jp.tsunagu.routing.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.routing.directory.DirectoryCatalog;
import jp.tsunagu.routing.notice.Notice;
import jp.tsunagu.routing.notice.NoticeRecords;
import jp.tsunagu.routing.notice.Notices;
import jp.tsunagu.routing.rules.AcceptanceDeadlines;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.erasure.ErasedCases;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The agencies' side of the loop: the assigned agency accepts or declines (a decline routes to the next candidate,
 * or escalates when none is left), what nobody accepted in time is escalated, and a case's routing is read by those
 * who may. New referrals are routed by {@link ReferralRouting}. Each step is an event on the routing topic,
 * acknowledged by Kafka before routing's own tables change.
 */
@ApplicationScoped
public class RoutingService {

    private final DirectoryCatalog catalog;
    private final RoutingRecords records;
    private final OutcomePublisher publisher;
    private final AcceptanceDeadlines deadlines;
    private final NoticeRecords notices;
    private final ErasedCases erased;

    public RoutingService(DirectoryCatalog catalog, RoutingRecords records, OutcomePublisher publisher,
                          AcceptanceDeadlines deadlines, NoticeRecords notices, ErasedCases erased) {
        this.catalog = catalog;
        this.records = records;
        this.publisher = publisher;
        this.deadlines = deadlines;
        this.notices = notices;
        this.erased = erased;
    }

    @InTransaction
    public Uni<RoutingView> view(Caller caller, String caseId) {
        return visible(caller, caseId).chain(r -> records.steps(caseId).chain(steps -> records.caseNumber(caseId)
                .chain(number -> records.facts(caseId).map(facts -> RoutingView.of(r, number.orElse(null),
                        urgency(facts), forReader(caller, r, steps))))));
    }

    /**
     * A decline's reason is for the referrer and the coordinators: any other reader (the agency the case went to
     * next) sees that the case was declined, and by whom, not why — as in its inbox and intake's status view.
     */
    static List<RoutingView.Step> forReader(Caller caller, CaseRouting r, List<RoutingView.Step> steps) {
        if (caller.is(Roles.COORDINATOR) || caller.isAgency(r.referringAgencyId())) {
            return steps;
        }
        return steps.stream().map(s -> !RoutingDecider.DECLINED_TYPE.equals(s.eventType()) ? s
                : new RoutingView.Step(s.eventType(), s.agencyId(), s.businessDate(), s.recordedAt(),
                RoutingDecider.declinedWithoutReason(r, s.agencyId()))).toList();
    }

    /** Only the assigned agency may answer, and only while the case waits for it. */
    @InTransaction
    public Uni<RoutingView> respond(Caller caller, String caseId, AcceptanceRequest request, LocalDate today) {
        if (request == null || request.accepted() == null) {
            throw ApiProblem.validation(List.of(new FieldError("accepted", "required: true or false")));
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        if (!request.accepted() && (reason == null || reason.isEmpty())) {
            throw ApiProblem.validation(List.of(new FieldError("reason", "required when declining")));
        }
        if (Params.longerThan(reason, 300)) {
            throw ApiProblem.validation(List.of(new FieldError("reason", "at most 300 characters")));
        }
        return records.routingForUpdate(caseId)
                .map(found -> found.filter(r -> r.municipality().equals(caller.municipality()))
                        .orElseThrow(() -> ApiProblem.notFound("case " + caseId)))
                .chain(r -> {
                    // any other agency is told nothing about the case, not even that it exists
                    if (!caller.is(Roles.AGENCY) || !caller.isAgency(r.agencyId())) {
                        throw ApiProblem.notFound("case " + caseId + " awaiting your answer");
                    }
                    if (CaseRouting.JOINED.equals(r.state())) {
                        throw ApiProblem.conflict("case-joined", "case " + caseId + " was joined to an earlier case "
                                + "of the same person as a duplicate; no answer is awaited any more");
                    }
                    if (!CaseRouting.AWAITING.equals(r.state())) {
                        throw ApiProblem.conflict("not-awaiting", "the case is " + r.state()
                                + ", not waiting for acceptance");
                    }
                    // a decline's reason is words about the person: none once the person was erased
                    return (request.accepted() ? Uni.createFrom().voidItem() : erased.refuseTextAbout(caseId))
                            .chain(() -> answer(r, request.accepted(), reason, today));
                })
                .chain(() -> records.routing(caseId)).map(Optional::orElseThrow)
                .chain(r -> records.caseNumber(caseId).chain(number -> records.facts(caseId).map(facts ->
                        answerView(caller, RoutingView.of(r, number.orElse(null), urgency(facts), null), r))));
    }

    /**
     * Escalates every case whose agency did not answer by its deadline; returns how many.
     *
     * @param municipality only this municipality's cases (a coordinator's request), or null for all (the schedule)
     */
    @InTransaction
    public Uni<Integer> escalateOverdue(String municipality, LocalDate today) {
        RoutingChanges changes = new RoutingChanges();
        return records.awaitingDueBefore(municipality, today)
                .map(found -> found.stream().filter(r -> BusinessCalendar.pastDue(r.dueOn(), today)).toList())
                .chain(overdue -> records.facts(overdue.stream().map(CaseRouting::caseId).toList())
                        .chain(facts -> {
                            List<OutcomePublisher.Publication> publications = overdue.stream()
                                    .map(r -> new OutcomePublisher.Publication(RoutingDecider.overdue(r,
                                            facts.get(r.caseId()), today), today,
                                            "schedule/acceptance-check/" + today)).toList();
                            return publisher.publishAll(publications, changes);
                        })
                        .chain(() -> records.write(changes))
                        .replaceWith(overdue.size()));
    }

    /**
     * Reminds each agency whose answer is due on the next business day (from the business day before the deadline,
     * once per routing); returns how many were due (a reminder sent before is not sent again).
     *
     * @param municipality only this municipality's cases (a coordinator's request), or null for all (the schedule)
     */
    @InTransaction
    public Uni<Integer> remindDue(String municipality, LocalDate today) {
        LocalDate horizon = deadlines.calendar().plusBusinessDays(today, 1);
        return records.awaitingDueBetween(municipality, today, horizon).chain(awaiting -> {
            List<Notice> reminders = awaiting.stream()
                    .filter(r -> !today.isBefore(deadlines.calendar().previousBusinessDay(r.dueOn())))
                    .map(r -> Notices.answerDue(new Notices.Awaited(r.caseId(), r.municipality(), r.agencyId(),
                            r.seq(), r.dueOn()), today))
                    .toList();
            return notices.write(reminders).replaceWith(reminders.size());
        });
    }

    private Uni<Void> answer(CaseRouting r, boolean accepted, String reason, LocalDate today) {
        String cause = "request/acceptance/" + r.caseId();
        RoutingChanges changes = new RoutingChanges();
        Uni<RoutingDecider.Outcome> outcome = accepted ? Uni.createFrom().item(RoutingDecider.accept(r))
                : records.facts(r.caseId()).chain(facts -> records.openCases(r.municipality()).map(open ->
                RoutingDecider.decline(r, facts.orElseThrow(), reason, new RoutingDecider.Context(
                        catalog.requireRules(r.municipality()), open, deadlines, today))));
        return outcome.chain(o -> publisher.publish(o, today, cause, changes)).chain(() -> records.write(changes));
    }

    private Uni<CaseRouting> visible(Caller caller, String caseId) {
        return records.routing(caseId).map(found -> found
                .filter(r -> r.municipality().equals(caller.municipality()))
                .filter(r -> caller.is(Roles.COORDINATOR)
                        || (caller.is(Roles.AGENCY) && (caller.isAgency(r.referringAgencyId())
                        || caller.isAgency(r.agencyId()))))
                .orElseThrow(() -> ApiProblem.notFound("routing of case " + caseId)));
    }

    /**
     * What the answering agency sees: the whole routing while it keeps the case; after a decline, the outcome
     * without the next agency's name or the history, which are no longer its business.
     */
    private static RoutingView answerView(Caller caller, RoutingView full, CaseRouting r) {
        return caller.isAgency(r.agencyId()) ? full : full.withoutAgencyOrHistory();
    }

    private static Urgency urgency(Optional<CaseFacts> facts) {
        return facts.map(CaseFacts::urgency).orElse(null);
    }
}
