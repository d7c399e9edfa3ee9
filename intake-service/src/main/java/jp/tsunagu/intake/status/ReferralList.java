package jp.tsunagu.intake.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.page.PageCursor;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;
import jp.tsunagu.support.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /referrals}: the referrals the calling agency made, newest received first, with their status and last
 * change ({@code ?changedSince=}: only those whose status changed after that instant); no personal field. Pages by (received date, case id), so referrals made meanwhile never make a page skip
 * or repeat one.
 */
@ApplicationScoped
public class ReferralList {

    private static final String SORT = "received";
    /** Before any status: the lower bound when no changedSince is given. */
    private static final Instant EVER = Instant.parse("0001-01-01T00:00:00Z");

    private final Database database;

    public ReferralList(Database database) {
        this.database = database;
    }

    /** A referral as its referrer lists it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReferralListItem")
    public record Item(String caseId,
                       @Schema(description = "受付番号 (absent for a case received before numbers were given)",
                               example = "R6-000123") String caseNumber,
                       CaseStatus status,
                       @Schema(description = "Japanese label of the status") String statusLabel,
                       @Schema(description = "The agency now responsible, when there is one") String agencyId,
                       LocalDate receivedOn,
                       @Schema(description = "When the status last changed") Instant lastChangeAt) {
    }

    /** The query parameters as sent. */
    public record Query(String status, String receivedFrom, String receivedTo, Integer limit, String cursor,
                        String changedSince) {
    }

    @InTransaction
    public Uni<Page<Item>> page(Caller caller, Query params) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = Params.date(params.receivedFrom(), "receivedFrom", false, errors);
        LocalDate to = Params.date(params.receivedTo(), "receivedTo", false, errors);
        Instant changedSince = Params.instant(params.changedSince(), "changedSince", errors);
        CaseStatus status = null;
        if (params.status() != null && !params.status().isBlank()) {
            try {
                status = CaseStatus.valueOf(params.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "one of " + List.of(CaseStatus.values())));
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("receivedTo", "must not be before receivedFrom"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        int limit = Page.limit(params.limit());
        PageCursor cursor = PageCursor.decode(params.cursor(), SORT, 2);
        List<Object> args = new ArrayList<>(List.of(caller.municipality(), caller.agencyId(),
                status == null ? "" : status.name(), from == null ? LocalDate.MIN : from,
                to == null ? LocalDate.of(9999, 12, 31) : to,
                (changedSince == null ? EVER : changedSince).atOffset(ZoneOffset.UTC)));
        StringBuilder sql = new StringBuilder("""
                select case_id, case_number, status, assigned_agency_id, received_on, status_time from case_status
                 where municipality = $1 and referring_agency_id = $2 and ($3 = '' or status = $3)
                   and received_on between $4 and $5 and status_time > $6
                """);
        if (cursor != null) {
            args.add(cursor.date(0));
            args.add(cursor.text(1));
            sql.append(" and (received_on, case_id) < ($7, $8)");
        }
        args.add(limit + 1);
        sql.append(" order by received_on desc, case_id desc limit $").append(args.size());
        return database.list(sql.toString(), row -> new Item(row.getString("case_id"),
                        row.getString("case_number"), CaseStatus.valueOf(row.getString("status")),
                        CaseStatus.valueOf(row.getString("status")).label(), row.getString("assigned_agency_id"),
                        row.getLocalDate("received_on"), row.getOffsetDateTime("status_time").toInstant()),
                        args.toArray())
                .map(rows -> Page.of(rows, limit, item -> item,
                        item -> new PageCursor(SORT, List.of(item.receivedOn().toString(), item.caseId()))));
    }
}
