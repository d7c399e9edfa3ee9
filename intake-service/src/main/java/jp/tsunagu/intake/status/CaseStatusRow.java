package jp.tsunagu.intake.status;

import io.vertx.mutiny.sqlclient.Row;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of the referrer's status view (written by {@link CaseStatusProjection}, read here). */
public record CaseStatusRow(String caseId, String municipality, String referringAgencyId, String assignedAgencyId,
                               String status, OffsetDateTime statusTime, LocalDate receivedOn) {

    static final String COLUMNS = """
            case_id, municipality, referring_agency_id, assigned_agency_id, status, status_time, received_on""";

    static CaseStatusRow of(Row row) {
        return new CaseStatusRow(row.getString("case_id"), row.getString("municipality"),
                row.getString("referring_agency_id"), row.getString("assigned_agency_id"), row.getString("status"),
                row.getOffsetDateTime("status_time"), row.getLocalDate("received_on"));
    }
}
