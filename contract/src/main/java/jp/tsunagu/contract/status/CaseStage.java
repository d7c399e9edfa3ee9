package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one fold of a case's status: intake-service's status view (inside {@link CaseProgress}) and reporting-service's
 * stage, live and in its replay, both run {@link #evolve} and store what it gives; neither decides a status in SQL.
 * <p>
 * <b>The ordering rule</b> (the only statement of it). Events of the four stage topics reach a reader in any order
 * between topics (in order within one), so:
 * <ol>
 *   <li>an event's status replaces the latest one only if it was recorded no earlier ({@code latestAt}; the same
 *       time replaces, so a copy of the latest event changes nothing); but RECEIVED ({@code referral-received}) is the
 *       first stage: it takes a case with no status yet and gives way to any other, however late a copy of it sent
 *       again after a crash was recorded;</li>
 *   <li>a plan counts from its {@code plan-created} and stops at its {@code plan-closed}, whatever their times; once
 *       closed it stays closed (a late copy of its creation does not reopen it);</li>
 *   <li>the case is seen {@link CaseStatusRules#asSeen as seen}: its latest status, except that one which would close
 *       it stays PLAN_ACTIVE while any of its plans is open; so a plan closed or created out of time order moves the
 *       status it is seen in;</li>
 *   <li>a case joined to another as the same person's ({@code duplicate-confirmed}) is {@link CaseStatusRules#JOINED}
 *       for good, whichever events of it came before or after.</li>
 * </ol>
 * Folded over the same events in any order between topics, the state is the same (but {@link #statusTime}, which
 * stops moving at the join). A reader that may see an event twice (a replay reads the log without a ledger) gives it
 * its first copy's recorded time.
 *
 * @param latest      the status of the latest event (by recorded time) that has one; null before any
 * @param latestAt    that event's recorded time: the key of the ordering rule
 * @param statusTime  when the status as seen last moved: {@code latestAt}, or the time the case was first seen when
 *                    no event of it had a status yet; it moves no more once the case is joined (null before any event)
 * @param openPlans   ids of the case's plans created and not closed
 * @param closedPlans ids of the case's plans closed
 * @param joinedTo    the case this one was joined to as the same person's, null if not
 */
public record CaseStage(CaseStatus latest, Instant latestAt, Instant statusTime, Set<String> openPlans,
                        Set<String> closedPlans, String joinedTo) {

    /** A case no event has been applied to. */
    public static final CaseStage NONE = new CaseStage(null, null, null, Set.of(), Set.of(), null);

    public CaseStage {
        openPlans = openPlans == null ? Set.of() : Set.copyOf(openPlans);
        closedPlans = closedPlans == null ? Set.of() : Set.copyOf(closedPlans);
    }

    /**
     * The status the case is in (null before any event): joined, or its latest status as seen with its plans; a case
     * whose only events so far had no status (a note came first) is RECEIVED: every case starts with its referral.
     */
    public CaseStatus status() {
        if (statusTime == null) {
            return null;
        }
        if (joinedTo != null) {
            return CaseStatusRules.JOINED;
        }
        return latest == null ? CaseStatus.RECEIVED : CaseStatusRules.asSeen(latest, !openPlans.isEmpty());
    }

    /** The case after one more event; empty for an event not about one case. */
    public Optional<Step> evolve(EventEnvelope<? extends TsunaguEvent> envelope) {
        return evolve(envelope.data(), envelope.time());
    }

    /**
     * The case after one more event recorded at {@code recordedAt}: a reader that may see an event twice passes its
     * first copy's time (a copy then changes nothing).
     */
    public Optional<Step> evolve(TsunaguEvent event, Instant recordedAt) {
        return CaseStatusRules.of(event).map(change -> evolve(event, recordedAt, change));
    }

    /** @param change what the event means for the case ({@link CaseStatusRules#of}) */
    private Step evolve(TsunaguEvent event, Instant time, StatusChange change) {
        // the sets are copied only by the events that change them: a replay folds every event of a case
        Set<String> open = openPlans;
        Set<String> closed = closedPlans;
        String joined = joinedTo;
        switch (event) {
            case PlanningEvent.PlanCreated p when !closedPlans.contains(p.planId()) -> open = with(open, p.planId());
            case PlanningEvent.PlanClosed p -> {
                open = without(open, p.planId());
                closed = with(closed, p.planId());
            }
            case IntakeEvent.DuplicateConfirmed d when joinedTo == null -> joined = d.duplicateOf();
            default -> {
            }
        }
        CaseStatus raw = change.status();
        // RECEIVED (the referral) is the first stage whenever its copy was recorded: a referral sent again after a
        // crash (or an import run again) is recorded later than the routing it caused and must not take the case back
        boolean newer = raw != null && (raw == CaseStatus.RECEIVED ? latest == null
                : latest == null || latest == CaseStatus.RECEIVED || !time.isBefore(latestAt));
        boolean joinedBefore = joinedTo != null;
        boolean joins = !joinedBefore && joined != null;
        Instant movedAt;
        if (joinedBefore) {
            movedAt = statusTime;
        } else if (joins) {
            // the join closes the case even when an event of another topic, recorded later, arrived first
            movedAt = statusTime != null && statusTime.isAfter(time) ? statusTime : time;
        } else if (newer || statusTime == null) {
            movedAt = time;
        } else {
            movedAt = statusTime;
        }
        CaseStage after = new CaseStage(newer ? raw : latest, newer ? time : latestAt, movedAt, open, closed, joined);
        StatusChange line = raw == null ? change
                : change.seenAs(joined != null ? CaseStatusRules.JOINED : CaseStatusRules.asSeen(raw, !open.isEmpty()));
        return new Step(after, line, !joinedBefore && (newer || joins));
    }

    private static Set<String> with(Set<String> ids, String id) {
        if (ids.contains(id)) {
            return ids;
        }
        Set<String> more = new HashSet<>(ids);
        more.add(id);
        return more;
    }

    private static Set<String> without(Set<String> ids, String id) {
        if (!ids.contains(id)) {
            return ids;
        }
        Set<String> fewer = new HashSet<>(ids);
        fewer.remove(id);
        return fewer;
    }

    /**
     * @param after  the case after the event
     * @param change what the event meant for the case, as its history shows it (its status as seen)
     * @param moved  the event's status took the case's (it was the latest, or joined it): the agency it names is
     *               now the case's; false for a note, an event recorded earlier than the latest, or any event of a
     *               case joined before
     */
    public record Step(CaseStage after, StatusChange change, boolean moved) {
    }
}
