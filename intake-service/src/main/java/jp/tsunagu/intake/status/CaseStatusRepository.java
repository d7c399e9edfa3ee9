package jp.tsunagu.intake.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;

import java.time.LocalDate;
import java.util.Optional;

import static jp.tsunagu.support.db.SqlValues.instant;
import static jp.tsunagu.support.db.SqlValues.localDate;

/** Reads of the status projection. */
@ApplicationScoped
public class CaseStatusRepository {

    /** Needs an open session. */
    public Uni<Optional<CaseStatusView>> find(String caseId) {
        return Panache.getSession().chain(session -> session.find(CaseStatusRecord.class, caseId)
                .chain(row -> row == null ? Uni.createFrom().item(Optional.<CaseStatusView>empty())
                        : session.createNativeQuery("""
                                        select event_type, status, agency_id, business_date, recorded_at, detail
                                          from case_status_history where case_id = :caseId
                                         order by recorded_at, event_id""", Object[].class)
                                .setParameter("caseId", caseId)
                                .getResultList()
                                .map(history -> Optional.of(new CaseStatusView(row.caseId, row.status,
                                        CaseStatus.valueOf(row.status).label(), row.assignedAgencyId,
                                        row.referringAgencyId, row.receivedOn,
                                        history.stream().map(CaseStatusRepository::step).toList(),
                                        row.municipality.trim())))));
    }

    private static CaseStatusView.Step step(Object[] h) {
        return new CaseStatusView.Step((String) h[0], (String) h[1], (String) h[2], localDate(h[3]), instant(h[4]),
                (String) h[5]);
    }
}
