package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.support.db.Database;

import java.util.Map;
import java.util.Optional;

/** Reads of the status projection. */
@ApplicationScoped
public class CaseStatusRecords {

    private final Database database;

    public CaseStatusRecords(Database database) {
        this.database = database;
    }

    /** The case as the status projection keeps it (consent and entrusted agencies included). */
    public Uni<Optional<CaseProgress>> progress(String caseId) {
        return database.first("select " + CaseStatusRow.PROGRESS_COLUMNS + " from case_status where case_id = $1",
                CaseStatusRow::progress, caseId);
    }

    /** Runs in the caller's transaction when there is one. */
    public Uni<Optional<CaseStatusView>> find(String caseId) {
        return database.first("select " + CaseStatusRow.COLUMNS + """
                        , (select m.household_id from household_member m
                            where m.case_id = case_status.case_id and m.unlinked_at is null) household_id
                          from case_status where case_id = $1""", row -> Map.entry(CaseStatusRow.of(row),
                        Optional.ofNullable(row.getString("household_id"))), caseId)
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<CaseStatusView>empty())
                        : database.list("""
                                        select event_type, status, agency_id, business_date, recorded_at, detail,
                                               referrer_note
                                          from case_status_history where case_id = $1
                                         order by recorded_at, event_id""", CaseStatusRecords::step, caseId)
                                .map(history -> {
                                    CaseStatusRow row = found.get().getKey();
                                    return Optional.of(new CaseStatusView(row.caseId(), row.caseNumber(), row.status(),
                                            CaseStatus.valueOf(row.status()).label(), row.assignedAgencyId(), null,
                                            row.referringAgencyId(), null, row.receivedOn(), history,
                                            found.get().getValue().orElse(null), row.municipality().trim()));
                                }));
    }

    private static CaseStatusView.Step step(Row h) {
        String status = h.getString("status");
        return new CaseStatusView.Step(h.getString("event_type"), status,
                status == null ? null : CaseStatus.valueOf(status).label(), h.getString("agency_id"), null,
                h.getLocalDate("business_date"), h.getOffsetDateTime("recorded_at").toInstant(),
                h.getString("detail"), h.getString("referrer_note"));
    }
}
