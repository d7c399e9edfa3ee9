package jp.tsunagu.meeting.audit;

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
 * The append-only record of who read, or tried to read, confidential meeting material (支援会議 under the duty of
 * confidentiality of 社会福祉法第106条の6). Nothing updates or deletes it.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";

    /** Written in its own transaction, so a denied read is recorded even though the request then fails. */
    public Uni<Void> record(Caller caller, String action, String resource, String outcome) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into audit_entry(municipality, subject, roles, agency_id, action, resource, outcome)
                        values (:m, :subject, :roles, :agency, :action, :resource, :outcome)""")
                .setParameter("m", caller.municipality())
                .setParameter("subject", caller.subject())
                .setParameter("roles", String.join(",", new TreeSet<>(caller.roles())))
                .setParameter("agency", caller.agencyId())
                .setParameter("action", action)
                .setParameter("resource", resource)
                .setParameter("outcome", outcome)
                .executeUpdate())).replaceWithVoid();
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
