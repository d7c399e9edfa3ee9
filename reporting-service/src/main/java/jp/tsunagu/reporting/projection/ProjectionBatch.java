package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.localDate;

/**
 * A batch of events into reporting's tables, the same for the live consumer's batch and a replay's poll: the events'
 * own rows go in as multi-row inserts; the rows of facts of their cases are read once, each event's facts merged in
 * in order ({@link CaseFactRow#merge}), and the rows written back, one statement each, pipelined. A case's facts
 * thus cost a read and a write per batch, not a merge in the database per event.
 */
public final class ProjectionBatch {

    private static final String FACT_COLUMNS = """
            case_id, municipality, received_on, channel, concerns, referring_agency, urgency, routed_on, decision,
            routed_agency, fields, first_meeting_on, first_plan_on, stage, stage_at, duplicate_of""";

    private static final String WRITE_FACTS = "insert into {s}.case_fact(" + FACT_COLUMNS + """
            ) values (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p)
            on conflict (case_id) do update set municipality = excluded.municipality,
              received_on = excluded.received_on, channel = excluded.channel, concerns = excluded.concerns,
              referring_agency = excluded.referring_agency, urgency = excluded.urgency,
              routed_on = excluded.routed_on, decision = excluded.decision, routed_agency = excluded.routed_agency,
              fields = excluded.fields, first_meeting_on = excluded.first_meeting_on,
              first_plan_on = excluded.first_plan_on, stage = excluded.stage, stage_at = excluded.stage_at,
              duplicate_of = excluded.duplicate_of""";

    private ProjectionBatch() {
    }

    public static Uni<Void> apply(SqlRunner db, List<? extends EventEnvelope<? extends TsunaguEvent>> events) {
        List<Sql> rows = new ArrayList<>();
        List<CaseFactWrite> facts = new ArrayList<>();
        for (EventEnvelope<? extends TsunaguEvent> event : events) {
            ReportingProjection.Writes writes = ReportingProjection.writes(event);
            rows.addAll(writes.rows());
            facts.addAll(writes.facts());
        }
        if (facts.isEmpty()) {
            return db.execute(rows);
        }
        String[] caseIds = facts.stream().map(f -> f.facts().caseId()).distinct().toArray(String[]::new);
        String[] stageEvents = facts.stream().map(CaseFactWrite::stageEventId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Uni<List<Object[]>> recorded = stageEvents.length == 0 ? Uni.createFrom().item(List.of())
                : db.query(Sql.of("select event_id, recorded_at from {s}.case_event where event_id = any(:a)",
                        new Object[]{stageEvents}));
        return db.query(Sql.of("select " + FACT_COLUMNS + " from {s}.case_fact where case_id = any(:a)",
                        new Object[]{caseIds}))
                .chain(existing -> recorded.map(times -> merged(existing, times, facts)))
                .chain(merged -> {
                    List<Sql> all = new ArrayList<>(rows);
                    merged.values().forEach(r -> all.add(Sql.of(WRITE_FACTS, r.caseId(), r.municipality(),
                            r.receivedOn(), r.channel(), r.concerns(), r.referringAgency(), r.urgency(), r.routedOn(),
                            r.decision(), r.routedAgency(), r.fields(), r.firstMeetingOn(), r.firstPlanOn(), r.stage(),
                            r.stageAt(), r.duplicateOf())));
                    return db.execute(all);
                });
    }

    /**
     * The rows after the batch. A stage's time is its event's first recorded copy: one recorded by an earlier batch
     * ({@code case_event}), else the first copy in this batch.
     */
    static Map<String, CaseFactRow> merged(List<Object[]> existing, List<Object[]> recorded,
                                           List<CaseFactWrite> facts) {
        Map<String, CaseFactRow> rows = new LinkedHashMap<>();
        existing.forEach(r -> rows.put((String) r[0], row(r)));
        Map<String, OffsetDateTime> firstCopy = new HashMap<>();
        recorded.forEach(r -> firstCopy.put((String) r[0], instant(r[1]).atOffset(ZoneOffset.UTC)));
        Map<String, CaseFactRow> changed = new LinkedHashMap<>();
        for (CaseFactWrite write : facts) {
            CaseFactRow fact = write.facts();
            if (write.stageEventId() != null) {
                fact = fact.stagedAt(firstCopy.computeIfAbsent(write.stageEventId(), id -> write.facts().stageAt()));
            }
            CaseFactRow before = rows.get(fact.caseId());
            CaseFactRow after = before == null ? fact : before.merge(fact);
            rows.put(fact.caseId(), after);
            changed.put(fact.caseId(), after);
        }
        return changed;
    }

    private static CaseFactRow row(Object[] r) {
        return new CaseFactRow((String) r[0], ((String) r[1]).trim(), localDate(r[2]), (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], localDate(r[7]), (String) r[8], (String) r[9], (String) r[10],
                localDate(r[11]), localDate(r[12]), (String) r[13],
                r[14] == null ? null : instant(r[14]).atOffset(ZoneOffset.UTC), (String) r[15]);
    }
}
