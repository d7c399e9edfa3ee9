package jp.tsunagu.routing.notice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.routing.directory.DirectoryCatalog;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.erasure.ErasedCases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.instant;

/**
 * The notices (V5__notices_and_webhooks.sql): written in the caller's transaction, each queued at once for the
 * webhook subscriptions that want it, so a notice and its deliveries exist together or not at all.
 */
@ApplicationScoped
public class NoticeRecords {

    /**
     * A notice as the feed, the list and the webhooks send it.
     *
     * @param toAgencyName the directory's name of {@code toAgencyId} when the notice was made
     * @param caseNumber   the case's 受付番号, null for a case received before case numbers were given
     * @param startsAt     a meeting invitation: when the meeting begins (null: not said)
     * @param place        a meeting invitation: where it is held (null: not said)
     * @param urgency      the referral's urgency (緊急度) when the notice was made; null for notices about no case and
     *                     for those made before 2026-12 (then {@code urgent} says whether it was 至急)
     * @param review       referral-escalated: 危険・緊急 (an ad-hoc 支援会議 now) or a regular meeting; null otherwise
     */
    public record Stored(long seq, String id, String municipality, String agencyId, NoticeType type, String caseId,
                         LocalDate on, LocalDate dueOn, String reference, boolean urgent, Instant createdAt,
                         String reason, String toAgencyId, String toAgencyName, String caseNumber,
                         LocalTime startsAt, String place, Urgency urgency, EmergencyReview review) {
    }

    static final String COLUMNS = """
            seq, notice_id, municipality, agency_id, type, case_id, business_date, due_on, reference, urgent,
            created_at, reason, to_agency_id, to_agency_name, case_number, starts_at, place, urgency, review
            """;

    private final Database database;
    private final DirectoryCatalog catalog;

    public NoticeRecords(Database database, DirectoryCatalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    /**
     * Writes the notices not written before and queues each for the subscriptions that want it. Each takes its
     * case's urgency and case number, and the name of the agency it names, as they are when it is made.
     */
    public Uni<Void> write(List<Notice> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> caseIds = new LinkedHashSet<>();
        notices.stream().map(Notice::caseId).filter(id -> id != null).forEach(caseIds::add);
        return database.list("select facts_json, case_number from case_facts where case_id = any($1)",
                        row -> Map.entry(fromJson(row.getString(0), CaseFacts.class),
                                Optional.ofNullable(row.getString(1))), (Object) caseIds.toArray(String[]::new))
                .chain(facts -> {
                    Map<String, Urgency> urgency = new HashMap<>();
                    Map<String, String> numbers = new HashMap<>();
                    facts.forEach(f -> {
                        if (f.getKey().urgency() != null) {
                            urgency.put(f.getKey().caseId(), f.getKey().urgency());
                        }
                        f.getValue().ifPresent(number -> numbers.put(f.getKey().caseId(), number));
                    });
                    return database.updateEach("""
                                    insert into notice(notice_id, municipality, agency_id, type, case_id, business_date,
                                                       due_on, reference, urgent, reason, to_agency_id,
                                                       to_agency_name, case_number, starts_at, place, urgency,
                                                       review)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                                            $17)
                                    on conflict (notice_id) do nothing""",
                            notices.stream().map(n -> Tuple.tuple(Arrays.asList(n.id(), n.municipality(),
                                    n.agencyId(), n.type().code(), n.caseId(), n.on(), n.dueOn(), n.reference(),
                                    urgency.get(n.caseId()) == Urgency.URGENT, n.reason(), n.toAgencyId(),
                                    agencyName(n.municipality(), n.toAgencyId()), numbers.get(n.caseId()),
                                    n.startsAt(), n.place(), code(urgency.get(n.caseId())), code(n.review()))))
                                    .toList());
                })
                .chain(() -> database.update("""
                                insert into webhook_delivery(subscription_id, notice_seq, state, next_attempt_at)
                                select s.id, n.seq, 'PENDING', now()
                                  from notice n join webhook_subscription s
                                    on s.municipality = n.municipality and s.agency_id = n.agency_id
                                 where n.notice_id = any($1) and s.state = 'ACTIVE' and s.deleted_at is null
                                   and (s.event_types = '' or n.type = any(string_to_array(s.event_types, ',')))
                                on conflict (subscription_id, notice_seq) do nothing""",
                        (Object) notices.stream().map(Notice::id).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The agency's name in its municipality's directory, or null (none named, or no longer listed). */
    private String agencyName(String municipality, String agencyId) {
        return agencyId == null ? null : catalog.directory(municipality).stream()
                .flatMap(d -> d.agencies().stream()).filter(a -> a.id().equals(agencyId)).map(Agency::name)
                .findFirst().orElse(null);
    }

    /**
     * The person of these cases was erased: a decline's reason told to a referrer may describe them, so it is
     * written over as everywhere else in routing; the notices themselves stay.
     */
    public Uni<Void> eraseReasons(List<String> caseIds) {
        return database.updateEach("""
                        update notice set reason = $2 where case_id = $1 and reason is not null""",
                caseIds.stream().map(id -> Tuple.of(id, ErasedCases.WRITTEN_OVER)).toList());
    }

    /** One page and one row more, newest first: {@code GET /notices}. */
    public Uni<List<Stored>> page(NoticeQuery q) {
        List<Object> params = new ArrayList<>(List.of(q.municipality(), q.agencyId(),
                q.types().stream().map(NoticeType::code).toArray(String[]::new)));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + """
                 from notice where municipality = $1 and agency_id = $2
                  and (cardinality($3::varchar[]) = 0 or type = any($3))""");
        if (q.since() != null) {
            params.add(q.since().atOffset(ZoneOffset.UTC));
            sql.append(" and created_at >= $").append(params.size());
        }
        if (q.cursor() != null) {
            params.add(q.cursor().number(0));
            sql.append(" and seq < $").append(params.size());
        }
        params.add(q.limit() + 1);
        sql.append(" order by seq desc limit $").append(params.size());
        return database.list(sql.toString(), NoticeRecords::storedOf, params.toArray());
    }

    /** An agency with a role in a plan. */
    public record PlanRole(String planId, String agencyId) {
    }

    /** Remembers who has a role in a plan, for its reviews. */
    public Uni<Void> rememberRoles(List<PlanRole> roles) {
        return database.updateEach("""
                        insert into plan_role(plan_id, agency_id) values ($1, $2) on conflict do nothing""",
                roles.stream().map(r -> Tuple.of(r.planId(), r.agencyId())).toList());
    }

    /** Plan id → the agencies with a role in it. */
    public Uni<Map<String, Set<String>>> planRoles(Collection<String> planIds) {
        return database.list("select plan_id, agency_id from plan_role where plan_id = any($1)",
                        row -> Map.entry(row.getString(0), row.getString(1)), (Object) planIds.toArray(String[]::new))
                .map(rows -> {
                    Map<String, Set<String>> roles = new HashMap<>();
                    rows.forEach(r -> roles.computeIfAbsent(r.getKey(), k -> new LinkedHashSet<>()).add(r.getValue()));
                    return roles;
                });
    }

    /** The agency's notices after {@code afterSeq}, oldest first. */
    public Uni<List<Stored>> after(String municipality, String agencyId, long afterSeq, int limit) {
        return database.list("select " + COLUMNS + """
                         from notice where municipality = $1 and agency_id = $2 and seq > $3
                         order by seq limit $4""", NoticeRecords::storedOf, municipality, agencyId, afterSeq, limit);
    }

    /** The position of the agency's newest notice (0 when it has none): a new feed starts after it. */
    public Uni<Long> latestSeq(String municipality, String agencyId) {
        return database.first("select coalesce(max(seq), 0) from notice where municipality = $1 and agency_id = $2",
                row -> row.getLong(0), municipality, agencyId).map(found -> found.orElse(0L));
    }

    /** The position of one of the agency's notices (a feed's Last-Event-ID); empty if it is not the agency's. */
    public Uni<Optional<Long>> seqOf(String municipality, String agencyId, String noticeId) {
        return database.first("select seq from notice where notice_id = $1 and municipality = $2 and agency_id = $3",
                row -> row.getLong(0), noticeId, municipality, agencyId);
    }

    /** A notice row (the columns of {@code notice}, named as there). */
    public static Stored storedOf(Row r) {
        return new Stored(r.getLong("seq"), r.getString("notice_id"), r.getString("municipality").trim(),
                r.getString("agency_id"), NoticeType.ofCode(r.getString("type")), r.getString("case_id"),
                r.getLocalDate("business_date"), r.getLocalDate("due_on"), r.getString("reference"),
                r.getBoolean("urgent"), instant(r.getValue("created_at")), r.getString("reason"),
                r.getString("to_agency_id"), r.getString("to_agency_name"), r.getString("case_number"),
                r.getLocalTime("starts_at"), r.getString("place"),
                Coded.parse(Urgency.class, r.getString("urgency")).orElse(null),
                Coded.parse(EmergencyReview.class, r.getString("review")).orElse(null));
    }

    private static String code(Enum<?> code) {
        return code == null ? null : code.name();
    }
}
