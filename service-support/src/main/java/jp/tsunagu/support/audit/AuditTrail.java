package jp.tsunagu.support.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.security.Caller;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import static jp.tsunagu.support.db.SqlValues.instant;

/**
 * The append-only record, in each service's own schema, of who read or tried to read personal data or confidential
 * meeting material (支援会議 under the duty of confidentiality of 社会福祉法第106条の6), and of erasures: who (the
 * person's sub and user name, through which client), with which roles and agency, did what to which resource, when,
 * allowed or denied. A database trigger refuses any update
 * or delete of it.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";

    private final Database database;

    public AuditTrail(Database database) {
        this.database = database;
    }

    /**
     * Records {@code action} on {@code resource} around a read: ALLOWED when it answers, DENIED when it is refused
     * as not found or forbidden (the refusal still reaches the caller).
     */
    public <T> Uni<T> around(Caller caller, String action, String resource, Uni<T> read) {
        return read.call(() -> record(caller, action, resource, ALLOWED))
                .onFailure(e -> e instanceof jp.tsunagu.support.problem.ApiProblem p
                        && (p.status() == 404 || p.status() == 403 || p.status() == 410))
                .call(() -> record(caller, action, resource, DENIED));
    }

    /**
     * As {@link #around(Caller, String, String, Uni)}, for a read of many records: an allowed read's entry says what it
     * returned ({@code detail} of the answer: the filter and the ids, never a personal value).
     */
    public <T> Uni<T> around(Caller caller, String action, String resource, Function<T, String> detail,
                             Uni<T> read) {
        return read.call(answer -> record(caller, action, resource, ALLOWED, detail.apply(answer)))
                .onFailure(e -> e instanceof jp.tsunagu.support.problem.ApiProblem p
                        && (p.status() == 404 || p.status() == 403 || p.status() == 410))
                .call(() -> record(caller, action, resource, DENIED));
    }

    /** Written in its own transaction, so a denied read is recorded even though the request then fails. */
    public Uni<Void> record(Caller caller, String action, String resource, String outcome) {
        return record(caller, action, resource, outcome, null);
    }

    /** With what the read returned ({@code detail}, null for a read of one resource). */
    public Uni<Void> record(Caller caller, String action, String resource, String outcome, String detail) {
        // outside the caller's transaction: a pooled connection of its own, committed by itself
        return database.updateAlone("""
                        insert into audit_entry(municipality, subject, username, client_id, roles, agency_id, action,
                                                resource, outcome, detail)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""",
                caller.municipality(), clip(caller.subject(), 200), clip(caller.username(), 200),
                clip(caller.client(), 200),
                clip(String.join(",", new TreeSet<>(caller.roles())), 200), clip(caller.agencyId(), 64),
                clip(action, 60),
                clip(resource, 200), // an id from the address may be anything, and long
                outcome, detail).replaceWithVoid();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Uni<List<AuditEntry>> entries(String municipality, LocalDate from, LocalDate to) {
                return database.list("""
                        select id, at, subject, username, client_id, roles, agency_id, action, resource, outcome,
                               detail
                          from audit_entry
                         where municipality = $1 and at >= $2 and at < $3 order by id""",
                row -> new AuditEntry(row.getLong("id"), instant(row.getValue("at")), row.getString("subject"),
                        row.getString("username"), row.getString("client_id"), row.getString("roles"),
                        row.getString("agency_id"), row.getString("action"), row.getString("resource"),
                        row.getString("outcome"), row.getString("detail")),
                municipality,
                from.atStartOfDay(BusinessDate.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay(BusinessDate.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * One entry; {@code username} and {@code client} are null in entries written before sign-in was real;
     * {@code detail} is what a read of many records returned (a list with names: its filter and case ids), else null.
     */
    public record AuditEntry(long id, java.time.Instant at, String subject, String username, String client,
                             String roles, String agencyId,
                             String action, String resource, String outcome, String detail) {
    }
}
