package jp.tsunagu.routing.routing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.routing.rules.Decision;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;
import static jp.tsunagu.support.db.SqlValues.localDate;

/** Routing's tables (see V2__routing.sql). Every method needs an open session, inside a transaction for writes. */
@ApplicationScoped
public class RoutingRecords {

    public Uni<Void> saveFacts(CaseFacts facts) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into case_facts(case_id, municipality, facts_json) values (:id, :m, :json)
                        on conflict (case_id) do update set facts_json = excluded.facts_json""")
                .setParameter("id", facts.caseId())
                .setParameter("m", facts.municipality())
                .setParameter("json", json(facts))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<CaseFacts>> facts(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select facts_json from case_facts where case_id = :id", String.class)
                .setParameter("id", caseId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(j -> fromJson(j, CaseFacts.class))));
    }

    public Uni<Optional<CaseRouting>> routing(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select case_id, municipality, referring_agency_id, decision_json, state, routed_on,
                               declined_by, seq from case_routing where case_id = :id""", Object[].class)
                .setParameter("id", caseId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(this::routingOf)));
    }

    /** The routing, locked until the transaction ends: two answers (or an answer and the overdue check) queue up. */
    public Uni<Optional<CaseRouting>> routingForUpdate(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select case_id, municipality, referring_agency_id, decision_json, state, routed_on,
                               declined_by, seq from case_routing where case_id = :id for update""", Object[].class)
                .setParameter("id", caseId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(this::routingOf)));
    }

    /**
     * Writes the case's new routing and moves the agencies' load with it.
     *
     * @param previous the routing it replaces, as read in this transaction; null for a case's first decision
     */
    public Uni<Void> saveRouting(CaseRouting previous, CaseRouting next) {
        boolean sameHolder = previous != null && previous.holdsAgency() && next.holdsAgency()
                && previous.agencyId().equals(next.agencyId());
        return upsertRouting(next)
                .chain(() -> sameHolder || previous == null ? Uni.createFrom().voidItem() : shiftLoad(previous, -1))
                .chain(() -> sameHolder ? Uni.createFrom().voidItem() : shiftLoad(next, 1));
    }

    private Uni<Void> shiftLoad(CaseRouting r, int by) {
        if (!r.holdsAgency()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into agency_load(municipality, agency_id, open_cases) values (:m, :agency, :by)
                        on conflict (municipality, agency_id)
                        do update set open_cases = agency_load.open_cases + excluded.open_cases""")
                .setParameter("m", r.municipality())
                .setParameter("agency", r.agencyId())
                .setParameter("by", by)
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> upsertRouting(CaseRouting r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into case_routing(case_id, municipality, referring_agency_id, decision, state, agency_id,
                                                 decision_json, routed_on, declined_by, seq)
                        values (:id, :m, :ref, :decision, :state, :agency, :json, :on, :declined, :seq)
                        on conflict (case_id) do update set decision = excluded.decision, state = excluded.state,
                            agency_id = excluded.agency_id, decision_json = excluded.decision_json,
                            routed_on = excluded.routed_on, declined_by = excluded.declined_by, seq = excluded.seq,
                            updated_at = now()""")
                .setParameter("id", r.caseId())
                .setParameter("m", r.municipality())
                .setParameter("ref", r.referringAgencyId())
                .setParameter("decision", r.decision().decision().name())
                .setParameter("state", r.state())
                .setParameter("agency", r.agencyId())
                .setParameter("json", json(r.decision()))
                .setParameter("on", r.routedOn())
                .setParameter("declined", String.join(",", r.declinedBy()))
                .setParameter("seq", r.seq())
                .executeUpdate()).replaceWithVoid();
    }

    /** Agency id → the cases it holds ({@link CaseRouting#holdsAgency()}): "open cases". */
    public Uni<Map<String, Long>> openCases(String municipality) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select agency_id, open_cases from agency_load
                         where municipality = :m and open_cases > 0""", Object[].class)
                .setParameter("m", municipality)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0],
                        r -> ((Number) r[1]).longValue()))));
    }

    /**
     * Cases still waiting for acceptance whose current decision was made on or before {@code routedOnOrBefore},
     * locked so that an agency's answer in the meantime waits (and then finds the case no longer waiting).
     */
    public Uni<List<CaseRouting>> awaitingSince(String municipality, LocalDate routedOnOrBefore) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select case_id, municipality, referring_agency_id, decision_json, state, routed_on,
                               declined_by, seq from case_routing
                         where state = 'AWAITING' and routed_on <= :on and (:m = '' or municipality = :m)
                         order by routed_on, case_id for update""", Object[].class)
                .setParameter("on", routedOnOrBefore)
                .setParameter("m", municipality == null ? "" : municipality)
                .getResultList()
                .map(rows -> rows.stream().map(this::routingOf).toList()));
    }

    /**
     * The person's data was erased: the free text of the case's steps (a decline's reason may describe the person)
     * is written over. The steps, agencies and dates stay.
     */
    public Uni<Void> eraseCase(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update routing_step set detail = 'declined: （本人の情報は消去されました）'
                         where case_id = :case and detail like 'declined: %'""")
                .setParameter("case", caseId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> addStep(EventEnvelope<?> envelope, String agencyId, String detail) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into routing_step(event_id, case_id, event_type, agency_id, business_date, recorded_at,
                                                 detail)
                        values (:id, :case, :type, :agency, :on, :at, :detail) on conflict (event_id) do nothing""")
                .setParameter("id", envelope.id())
                .setParameter("case", envelope.subject())
                .setParameter("type", envelope.type())
                .setParameter("agency", agencyId)
                .setParameter("on", envelope.businessDate())
                .setParameter("at", envelope.time().atOffset(ZoneOffset.UTC))
                .setParameter("detail", detail == null || detail.length() <= 600 ? detail : detail.substring(0, 600))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<RoutingView.Step>> steps(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select event_type, agency_id, business_date, recorded_at, detail from routing_step
                         where case_id = :id order by recorded_at, event_id""", Object[].class)
                .setParameter("id", caseId)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new RoutingView.Step((String) r[0], (String) r[1],
                        localDate(r[2]), instant(r[3]), (String) r[4])).toList()));
    }

    private CaseRouting routingOf(Object[] r) {
        Set<String> declinedBy = new LinkedHashSet<>(list((String) r[6]));
        return new CaseRouting((String) r[0], ((String) r[1]).trim(), (String) r[2], fromJson((String) r[3], Decision.class),
                (String) r[4], localDate(r[5]), declinedBy, ((Number) r[7]).intValue());
    }
}
