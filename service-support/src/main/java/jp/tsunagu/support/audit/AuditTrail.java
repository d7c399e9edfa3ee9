package jp.tsunagu.support.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.security.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

import static jp.tsunagu.support.db.SqlValues.instant;

/**
 * The append-only record, in each service's own schema, of who read or tried to read personal data or confidential
 * meeting material (支援会議 under the duty of confidentiality of 社会福祉法第106条の6), and of erasures: who, with
 * which roles and agency, did what to which resource, when, allowed or denied. A database trigger refuses any update
 * or delete of it.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";

    /**
     * Records {@code action} on {@code resource} around a read: ALLOWED when it answers, DENIED when it is refused
     * as not found or forbidden (the refusal still reaches the caller).
     */
    public <T> Uni<T> around(Caller caller, String action, String resource, Uni<T> read) {
        return read.call(() -> record(caller, action, resource, ALLOWED))
                .onFailure(e -> e instanceof jp.tsunagu.support.problem.ApiProblem p
                        && (p.status() == 404 || p.status() == 403))
                .call(() -> record(caller, action, resource, DENIED));
    }

    /** Written in its own transaction, so a denied read is recorded even though the request then fails. */
    public Uni<Void> record(Caller caller, String action, String resource, String outcome) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into audit_entry(municipality, subject, roles, agency_id, action, resource, outcome)
                        values (:m, :subject, :roles, :agency, :action, :resource, :outcome)""")
                .setParameter("m", caller.municipality())
                .setParameter("subject", clip(caller.subject(), 200))
                .setParameter("roles", clip(String.join(",", new TreeSet<>(caller.roles())), 200))
                .setParameter("agency", clip(caller.agencyId(), 64))
                .setParameter("action", clip(action, 60))
                .setParameter("resource", clip(resource, 200)) // an id from the address may be anything, and long
                .setParameter("outcome", outcome)
                .executeUpdate())).replaceWithVoid();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Uni<List<AuditEntry>> entries(String municipality, LocalDate from, LocalDate to) {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id, at, subject, roles, agency_id, action, resource, outcome from audit_entry
                         where municipality = :m and at >= :from and at < :to order by id""", Object[].class)
                .setParameter("m", municipality)
                .setParameter("from", from.atStartOfDay(tokyo).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .setParameter("to", to.plusDays(1).atStartOfDay(tokyo).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), instant(r[1]),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7]))
                        .toList())));
    }

    public record AuditEntry(long id, java.time.Instant at, String subject, String roles, String agencyId,
                             String action, String resource, String outcome) {
    }
}
