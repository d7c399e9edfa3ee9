package jp.tsunagu.intake.status;

import io.vertx.mutiny.sqlclient.Row;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.status.CaseListing;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.contract.status.CaseStage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;

import static jp.tsunagu.support.db.SqlValues.list;

/** A row of the referrer's status view (written by {@link CaseStatusProjection}, read here). */
public record CaseStatusRow(String caseId, String municipality, String referringAgencyId, String assignedAgencyId,
                               String status, OffsetDateTime statusTime, LocalDate receivedOn, String caseNumber) {

    static final String COLUMNS = """
            case_id, municipality, referring_agency_id, assigned_agency_id, status, status_time, received_on,
            case_number""";

    /** The columns {@link #progress} reads. */
    public static final String PROGRESS_COLUMNS = """
            case_id, municipality, referring_agency_id, assigned_agency_id, status, status_time, received_on,
            open_plans, consent, entrusted, area, age_band, concerns, urgency, fields, track, due_on, case_number,
            plan_roles, joined_to, latest_status, latest_at, closed_plans""";

    /** The case as {@link CaseProgress#evolve} left it. */
    public static CaseProgress progress(Row row) {
        String consent = row.getString("consent");
        return new CaseProgress(row.getString("case_id"), row.getString("municipality").trim(),
                row.getString("referring_agency_id"), row.getString("assigned_agency_id"), stage(row),
                row.getLocalDate("received_on"), consent == null ? null : Consent.valueOf(consent),
                new LinkedHashSet<>(list(row.getString("entrusted"))), listing(row),
                new LinkedHashSet<>(list(row.getString("plan_roles"))));
    }

    /** The case's status as the one fold ({@link CaseStage}) left it. */
    private static CaseStage stage(Row row) {
        OffsetDateTime latestAt = row.getOffsetDateTime("latest_at");
        return new CaseStage(codeOf(CaseStatus.class, row.getString("latest_status")),
                latestAt == null ? null : latestAt.toInstant(), row.getOffsetDateTime("status_time").toInstant(),
                new LinkedHashSet<>(list(row.getString("open_plans"))),
                new LinkedHashSet<>(list(row.getString("closed_plans"))), row.getString("joined_to"));
    }

    private static CaseListing listing(Row row) {
        return new CaseListing(row.getString("area"), codeOf(AgeBand.class, row.getString("age_band")),
                list(row.getString("concerns")).stream().map(Concern::valueOf).toList(),
                codeOf(Urgency.class, row.getString("urgency")),
                list(row.getString("fields")).stream().map(Field::valueOf).toList(),
                codeOf(MeetingType.class, row.getString("track")), row.getLocalDate("due_on"),
                row.getString("case_number"));
    }

    private static <E extends Enum<E>> E codeOf(Class<E> type, String code) {
        return code == null ? null : Enum.valueOf(type, code);
    }

    static CaseStatusRow of(Row row) {
        return new CaseStatusRow(row.getString("case_id"), row.getString("municipality"),
                row.getString("referring_agency_id"), row.getString("assigned_agency_id"), row.getString("status"),
                row.getOffsetDateTime("status_time"), row.getLocalDate("received_on"),
                row.getString("case_number"));
    }
}
