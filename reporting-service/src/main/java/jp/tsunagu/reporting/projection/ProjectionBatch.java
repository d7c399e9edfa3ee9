package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.tsunagu.support.db.SqlValues.instant;

/**
 * A batch of events into reporting's tables, the same for the live consumer's batch and a replay's poll: the events'
 * own rows go in as multi-row inserts (a replay's by COPY); the rows of facts of their cases are taken once (read
 * from {@code case_fact}, or held by a replay's lane: {@link CaseFactRows}), each event folded in, in order
 * ({@link CaseFactRow#after}: its stage by contract's {@code CaseStage}, its facts), and the rows written back as the
 * fold left them, or kept. A case's row thus costs at most a read and a write per batch, not a merge in the database
 * per event, and SQL decides nothing.
 */
public final class ProjectionBatch {

    /** The first copies recorded of a batch's events, and their times, by id ({@code :a}, an array). */
    public static final String EARLIER_COPIES =
            "select event_id, recorded_at from {s}.case_event where event_id = any(:a)";

    private ProjectionBatch() {
    }

    /** The live consumer's batch: any of its events may have a copy recorded by an earlier batch. */
    public static Uni<Void> apply(SqlRunner db, List<? extends EventEnvelope<? extends TsunaguEvent>> events) {
        return apply(db, events, EarlierCopies.ANYWHERE, CaseFactRows.STORED);
    }

    /**
     * A batch whose writer knows which of its events can have a copy recorded before ({@code earlier}): only those
     * are looked up in {@code case_event}, and none at all (no round trip) when it knows of none; and which holds its
     * cases' rows of facts where {@code facts} says. The rows a copy of an event would write again under the event's
     * own key (its first copy's, recorded before or earlier in the batch) are left out: a replay's load has no keys
     * on those tables to refuse them ({@code ReplaySchema}), and the live tables' keys would refuse them anyway.
     */
    public static Uni<Void> apply(SqlRunner db, List<? extends EventEnvelope<? extends TsunaguEvent>> events,
                                  EarlierCopies earlier, CaseFactRows facts) {
        List<ReportingProjection.Writes> writes = new ArrayList<>(events.size());
        List<CaseEvent> ofCases = new ArrayList<>();
        Set<String> keyed = new LinkedHashSet<>(); // the events that write under their own id, or fold facts
        for (EventEnvelope<? extends TsunaguEvent> event : events) {
            ReportingProjection.Writes w = ReportingProjection.writes(event);
            writes.add(w);
            if (!w.facts().isEmpty()) {
                ofCases.add(new CaseEvent(event, w.facts()));
            }
            if (!w.facts().isEmpty() || !w.ofEvent().isEmpty()) {
                keyed.add(event.id());
            }
        }
        if (keyed.isEmpty()) {
            return db.execute(rows(events, writes, Set.of()));
        }
        Set<String> caseIds = new LinkedHashSet<>();
        ofCases.forEach(e -> caseIds.add(e.event().subject()));
        String[] lookedUp = keyed.stream().filter(earlier::mayHave).toArray(String[]::new);
        Uni<List<Object[]>> recorded = lookedUp.length == 0 ? Uni.createFrom().item(List.of())
                : db.query(Sql.of(EARLIER_COPIES, new Object[]{lookedUp}));
        return facts.before(db, caseIds)
                .chain(existing -> recorded.map(times -> {
                    Set<String> before = new HashSet<>();
                    times.forEach(r -> before.add((String) r[0]));
                    List<Sql> all = rows(events, writes, before);
                    all.addAll(facts.after(folded(existing, times, ofCases).values()));
                    return all;
                }))
                .chain(db::execute)
                .invoke(() -> keyed.forEach(earlier::recorded));
    }

    /**
     * The batch's rows in its events' order, without those of a copy under the event's own key: a copy of an event
     * recorded before the batch ({@code recordedBefore}) or earlier in it.
     */
    static List<Sql> rows(List<? extends EventEnvelope<? extends TsunaguEvent>> events,
                          List<ReportingProjection.Writes> writes, Set<String> recordedBefore) {
        List<Sql> rows = new ArrayList<>();
        Set<String> firstCopies = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            ReportingProjection.Writes w = writes.get(i);
            String id = events.get(i).id();
            if (!w.ofEvent().isEmpty() && !recordedBefore.contains(id) && firstCopies.add(id)) {
                rows.addAll(w.ofEvent());
            }
            rows.addAll(w.others());
        }
        return rows;
    }

    /** An event about one case, with what it knows of the case's facts. */
    record CaseEvent(EventEnvelope<? extends TsunaguEvent> event, List<CaseFact> facts) {
    }

    /**
     * The rows after the batch. An event's time is its first recorded copy's: one recorded by an earlier batch
     * ({@code case_event}), else the first copy in this batch.
     */
    static Map<String, CaseFactRow> folded(Map<String, CaseFactRow> existing, List<Object[]> recorded,
                                           List<CaseEvent> events) {
        Map<String, CaseFactRow> rows = new HashMap<>(existing);
        Map<String, Instant> firstCopy = new HashMap<>();
        recorded.forEach(r -> firstCopy.put((String) r[0], instant(r[1])));
        Map<String, CaseFactRow> changed = new LinkedHashMap<>();
        for (CaseEvent e : events) {
            EventEnvelope<? extends TsunaguEvent> event = e.event();
            Instant at = firstCopy.computeIfAbsent(event.id(),
                    id -> ReportingProjection.recordedAt(event).toInstant());
            CaseFactRow before = rows.getOrDefault(event.subject(),
                    CaseFactRow.none(event.subject(), event.municipality()));
            CaseFactRow after = before.after(event.data(), at, e.facts());
            rows.put(event.subject(), after);
            changed.put(event.subject(), after);
        }
        return changed;
    }
}
