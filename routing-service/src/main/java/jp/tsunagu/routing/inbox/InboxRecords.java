package jp.tsunagu.routing.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.support.db.Database;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static jp.tsunagu.support.db.SqlValues.fromJson;

/** The inbox items as stored (V4__deadlines_and_inbox.sql), read a page at a time. */
@ApplicationScoped
public class InboxRecords {

    /** An inbox row with the case's facts; {@code facts} null if routing never saw the referral (it always has). */
    public record Stored(long seq, String caseId, String state, RoutingDecision decision, LocalDate routedOn,
                      LocalDate dueOn, LocalDate answeredOn, String declineReason, List<Reason> reasons,
                      CaseFacts facts, String caseNumber) {
    }

    private final Database database;

    public InboxRecords(Database database) {
        this.database = database;
    }

    /** One page and one row more (the caller's sign that another page follows), in the query's order. */
    public Uni<List<Stored>> page(InboxQuery q, LocalDate today) {
        List<Object> params = new ArrayList<>(List.of(q.municipality(), q.agencyId(),
                q.state() == null ? "" : q.state(), q.overdueOnly(), today));
        StringBuilder sql = new StringBuilder("""
                select i.item_seq, i.case_id, i.state, i.decision, i.routed_on, i.due_on, i.answered_on,
                       i.decline_reason, i.reasons_json, f.facts_json, f.case_number
                  from inbox_item i left join case_facts f on f.case_id = i.case_id
                 where i.municipality = $1 and i.agency_id = $2 and ($3 = '' or i.state = $3)
                   and (not $4 or i.due_on < $5)
                """);
        boolean newest = q.sort().equals(InboxQuery.NEWEST);
        if (q.cursor() != null) {
            if (newest) {
                params.add(q.cursor().number(0));
                sql.append(" and i.item_seq < $6");
            } else {
                params.add(q.cursor().date(0));
                params.add(q.cursor().number(1));
                sql.append(" and (coalesce(i.due_on, '9999-12-31'::date), i.item_seq) > ($6, $7)");
            }
        }
        sql.append(newest ? " order by i.item_seq desc"
                : " order by coalesce(i.due_on, '9999-12-31'::date), i.item_seq");
        params.add(q.limit() + 1);
        sql.append(" limit $").append(params.size());
        return database.list(sql.toString(), InboxRecords::storedOf, params.toArray());
    }

    private static Stored storedOf(Row r) {
        String facts = r.getString("facts_json");
        return new Stored(r.getLong("item_seq"), r.getString("case_id"), r.getString("state"),
                RoutingDecision.valueOf(r.getString("decision")), r.getLocalDate("routed_on"),
                r.getLocalDate("due_on"), r.getLocalDate("answered_on"), r.getString("decline_reason"),
                fromJson(r.getString("reasons_json"), new TypeReference<List<Reason>>() { }),
                facts == null ? null : fromJson(facts, CaseFacts.class), r.getString("case_number"));
    }
}
