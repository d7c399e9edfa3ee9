package jp.tsunagu.intake.status;

import io.vertx.mutiny.sqlclient.Row;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.status.CaseProgress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;

import static jp.tsunagu.support.db.SqlValues.list;

/** A row of the referrer's status view (written by {@link CaseStatusProjection}, read here). */
public record CaseStatusRow(String caseId, String municipality, String referringAgencyId, String assignedAgencyId,
                               String status, OffsetDateTime statusTime, LocalDate receivedOn) {

    static final String COLUMNS = """
            case_id, municipality, referring_agency_id, assigned_agency_id, status, status_time, received_on""";

    /** The columns {@link #progress} reads. */
    static final String PROGRESS_COLUMNS = """
            case_id, municipality, referring_agency_id, assigned_agency_id, status, status_time, received_on,
            open_plans, consent, entrusted""";

    /** The case as {@link CaseProgress#evolve} left it. */
    static CaseProgress progress(Row row) {
        String status = row.getString("status");
        String consent = row.getString("consent");
        return new CaseProgress(row.getString("case_id"), row.getString("municipality").trim(),
                row.getString("referring_agency_id"), row.getString("assigned_agency_id"),
                status == null ? null : CaseStatus.valueOf(status), row.getOffsetDateTime("status_time").toInstant(),
                row.getLocalDate("received_on"), new LinkedHashSet<>(list(row.getString("open_plans"))),
                consent == null ? null : Consent.valueOf(consent), new LinkedHashSet<>(list(row.getString("entrusted"))));
    }

    static CaseStatusRow of(Row row) {
        return new CaseStatusRow(row.getString("case_id"), row.getString("municipality"),
                row.getString("referring_agency_id"), row.getString("assigned_agency_id"), row.getString("status"),
                row.getOffsetDateTime("status_time"), row.getLocalDate("received_on"));
    }
}
