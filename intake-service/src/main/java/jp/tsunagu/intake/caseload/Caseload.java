package jp.tsunagu.intake.caseload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.CaseloadRelation;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.intake.status.CaseStatusRow;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /caseload}: every case of the municipality in the calling agency's caseload, newest change first. Whose
 * caseload a case is in is {@link CaseProgress#relationOf} alone: the status view keeps its {@link
 * CaseProgress#caseload()} in a column to select by, and each row's relation is asked of the case itself. No personal
 * field. Pages by (last change, case id).
 */
@ApplicationScoped
public class Caseload {

    private static final String SORT = "changed";

    private final Database database;

    public Caseload(Database database) {
        this.database = database;
    }

    /** A case as the agency's caseload lists it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseloadItem")
    public record Item(String caseId,
                       @Schema(description = "受付番号 (absent for a case received before numbers were given)",
                               example = "R6-000123") String caseNumber,
                       CaseStatus status,
                       @Schema(description = "Japanese label of the status") String statusLabel,
                       @Schema(description = "RESPONSIBLE: your agency is now responsible (the case is routed to it "
                               + "or it accepted it); PLAN_ROLE: your agency holds a role in one of the case's plans")
                       CaseloadRelation relation,
                       @Schema(description = "Japanese label of the relation (担当機関 / プランで役割)")
                       String relationLabel,
                       LocalDate receivedOn,
                       @Schema(description = "When the status last changed") Instant lastChangeAt,
                       String area, AgeBand ageBand, List<Concern> concerns, Urgency urgency) {

        static Item of(CaseProgress c, String agencyId) {
            CaseloadRelation relation = c.relationOf(agencyId).orElseThrow();
            return new Item(c.caseId(), c.listing().caseNumber(), c.status(), c.status().label(), relation,
                    relation.label(), c.receivedOn(), c.statusTime(), c.listing().area(), c.listing().ageBand(),
                    c.listing().concerns(), c.listing().urgency());
        }
    }

    /** The query parameters as sent. */
    public record Query(String status, Integer limit, String cursor) {
    }

    @InTransaction
    public Uni<Page<Item>> page(Caller caller, Query q) {
        List<FieldError> errors = new ArrayList<>();
        CaseStatus status = Params.code(CaseStatus.class, q.status(), "status", false, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        int limit = Page.limit(q.limit());
        PageCursor cursor = PageCursor.decode(q.cursor(), SORT, 2);
        List<Object> args = new ArrayList<>(List.of(caller.municipality(), caller.agencyId(),
                status == null ? "" : status.name()));
        StringBuilder sql = new StringBuilder("select " + CaseStatusRow.PROGRESS_COLUMNS + """
                 from case_status
                 where municipality = $1 and string_to_array(caseload, ',') @> array[$2]::text[]
                   and ($3 = '' or status = $3)
                """);
        if (cursor != null) {
            args.add(cursor.instant(0));
            args.add(cursor.text(1));
            sql.append(" and (status_time, case_id) < ($4, $5)");
        }
        args.add(limit + 1);
        sql.append(" order by status_time desc, case_id desc limit $").append(args.size());
        return database.list(sql.toString(), CaseStatusRow::progress, args.toArray())
                .map(rows -> Page.of(rows, limit, c -> Item.of(c, caller.agencyId()),
                        c -> new PageCursor(SORT, List.of(c.statusTime().toString(), c.caseId()))));
    }
}
