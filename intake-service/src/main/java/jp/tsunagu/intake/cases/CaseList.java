package jp.tsunagu.intake.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
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
import java.util.Locale;

import static jp.tsunagu.support.db.SqlValues.list;

/**
 * {@code GET /cases}: the municipality's cases for its coordinators, from the status view intake builds of every
 * stage topic; filtered, sorted by received date or last change, in keyset pages. No personal field.
 */
@ApplicationScoped
public class CaseList {

    /**
     * The columns of an item, from {@link #FROM}: the case's row, the 受付番号 of its possible duplicate, and its
     * latest decision on a duplicate (duplicate/DuplicateDecisions writes them) with the other case's 受付番号.
     */
    private static final String COLUMNS = """
            case_id, status, received_on, status_time, referring_agency_id, assigned_agency_id, area, age_band,
            concerns, urgency, fields, track, due_on, late_from, possible_duplicate_of, case_number,
            (select p.case_number from case_status p where p.case_id = c.possible_duplicate_of) possible_number,
            dd.decision, dd.other_case_id, dd.other_number, dd.decided_at,
            (select hm.household_id from household_member hm
              where hm.case_id = c.case_id and hm.unlinked_at is null) household_id,
            (select count(distinct s.other_case_id) from open_household_suggestion s
              where s.case_id = c.case_id) household_suggestions
            """;

    private static final String FROM = """
             from case_status c
             left join lateral (select d.decision, d.other_case_id, d.decided_at, o.case_number other_number
                                  from duplicate_decision d left join case_status o on o.case_id = d.other_case_id
                                 where d.case_id = c.case_id order by d.decided_at desc limit 1) dd on true
            """;

    static final String RECEIVED = "received";
    static final String CHANGED = "changed";

    private final Database database;

    public CaseList(Database database) {
        this.database = database;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseListItem")
    public record Item(String caseId,
                       @Schema(description = "受付番号 (absent for a case received before numbers were given)",
                               example = "R6-000123") String caseNumber,
                       CaseStatus status,
                       @Schema(description = "Japanese label of the status") String statusLabel,
                       LocalDate receivedOn,
                       @Schema(description = "When the status last changed") Instant lastChangeAt,
                       String referringAgencyId,
                       @Schema(description = "The agency now responsible") String agencyId,
                       String area, AgeBand ageBand, List<Concern> concerns, Urgency urgency, List<Field> fields,
                       @Schema(description = "The meeting track the case is on") MeetingType track,
                       @Schema(description = "The awaited answer's deadline") LocalDate dueOn,
                       boolean overdue,
                       @Schema(description = "An open case of the same municipality whose person matched on kana "
                               + "(and birth date when both had one) when this one was referred: possibly the same "
                               + "person. Coordinators only.") String possibleDuplicateOf,
                       @Schema(description = "Its 受付番号") String possibleDuplicateOfCaseNumber,
                       @Schema(description = "The coordinator's latest decision on a duplicate of this case (POST "
                               + "/cases/{caseId}/duplicate); absent before one") Duplicate duplicate,
                       @Schema(description = "The household (世帯) the case is in now (GET /households/{householdId})",
                               example = "h-3f2a9c1e-7b4d-4e8a-9c3d-2f5e8a1b4c6d") String householdId,
                       @Schema(description = "Open 世帯候補 of the case (GET /cases/{caseId}/household-suggestions): "
                               + "other open cases possibly of the same household, not dismissed, not linked")
                       int householdSuggestions,
                       @Schema(description = "氏名, only with ?withNames=true (coordinators; each such read is in the "
                               + "audit trail); absent when the person was erased") String name,
                       @Schema(description = "ふりがな, as name") String nameKana) {

        /** Never the name. */
        @Override
        public String toString() {
            return "CaseList.Item[" + caseId + "]";
        }

        /** The item with the person's name, for a coordinator who asked for it. */
        public Item withName(String name, String nameKana) {
            return new Item(caseId, caseNumber, status, statusLabel, receivedOn, lastChangeAt, referringAgencyId,
                    agencyId, area, ageBand, concerns, urgency, fields, track, dueOn, overdue, possibleDuplicateOf,
                    possibleDuplicateOfCaseNumber, duplicate, householdId, householdSuggestions, name, nameKana);
        }
    }

    /**
     * A decision on a duplicate as the list shows it: CONFIRM (this case joined {@code of} and is closed) or DISMISS
     * (another person than {@code of}'s).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseDuplicateDecision")
    public record Duplicate(DuplicateDecision decision,
                            @Schema(description = "Japanese label of the decision") String decisionLabel,
                            @Schema(description = "The other case") String of,
                            @Schema(description = "Its 受付番号") String ofCaseNumber,
                            Instant decidedAt) {
    }

    @InTransaction
    public Uni<Page<Item>> page(Caller caller, CaseQuery q, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String status = code(CaseStatus.class, q.status(), "status", errors);
        String track = code(MeetingType.class, q.track(), "track", errors);
        String field = code(Field.class, q.field(), "field", errors);
        String concern = code(Concern.class, q.concern(), "concern", errors);
        String urgency = code(Urgency.class, q.urgency(), "urgency", errors);
        LocalDate from = Params.date(q.receivedFrom(), "receivedFrom", false, errors);
        LocalDate to = Params.date(q.receivedTo(), "receivedTo", false, errors);
        if (q.fiscalYear() != null && !q.fiscalYear().isBlank()) {
            try {
                FiscalYear year = FiscalYear.parse(q.fiscalYear().strip());
                from = from == null || from.isBefore(year.start()) ? year.start() : from;
                to = to == null || to.isAfter(year.end()) ? year.end() : to;
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("fiscalYear", "a fiscal year such as 2026, R8 or 令和8年度"));
            }
        }
        String caseNumber = "";
        if (q.caseNumber() != null && !q.caseNumber().isBlank()) {
            try {
                caseNumber = CaseNumber.parse(q.caseNumber()).toString();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("caseNumber", "a case number such as R8-000123"));
            }
        }
        String sort = q.sort() == null ? RECEIVED : q.sort().strip().toLowerCase(Locale.ROOT);
        if (!List.of(RECEIVED, CHANGED).contains(sort)) {
            errors.add(new FieldError("sort", "received or changed"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        int limit = Page.limit(q.limit());
        PageCursor cursor = PageCursor.decode(q.cursor(), sort, 2);
        String key = sort.equals(RECEIVED) ? "received_on" : "status_time";
        List<Object> args = new ArrayList<>(List.of(caller.municipality(), status, track, field, concern,
                text(q.area()), text(q.referrer()), text(q.agency()), urgency,
                from == null ? LocalDate.of(1, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to,
                Boolean.TRUE.equals(q.overdue()), today, caseNumber));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + """
                 where municipality = $1 and ($2 = '' or status = $2) and ($3 = '' or track = $3)
                   and ($4 = '' or $4 = any(string_to_array(fields, ',')))
                   and ($5 = '' or $5 = any(string_to_array(concerns, ',')))
                   and ($6 = '' or area = $6) and ($7 = '' or referring_agency_id = $7)
                   and ($8 = '' or assigned_agency_id = $8) and ($9 = '' or urgency = $9)
                   and received_on between $10 and $11 and (not $12 or late_from <= $13)
                   and ($14 = '' or case_number = $14)
                """);
        if (cursor != null) {
            args.add(sort.equals(RECEIVED) ? cursor.date(0) : cursor.instant(0));
            args.add(cursor.text(1));
            sql.append(" and (").append(key).append(", case_id) < ($15, $16)");
        }
        args.add(limit + 1);
        sql.append(" order by ").append(key).append(" desc, case_id desc limit $").append(args.size());
        return database.list(sql.toString(), row -> item(row, today), args.toArray())
                .map(rows -> Page.of(rows, limit, item -> item, item -> new PageCursor(sort, List.of(
                        sort.equals(RECEIVED) ? item.receivedOn().toString() : item.lastChangeAt().toString(),
                        item.caseId()))));
    }

    /** The given cases of the municipality, in the order given. */
    public Uni<List<Item>> items(String municipality, List<String> caseIds, LocalDate today) {
        return database.list("select " + COLUMNS + FROM + """
                         where municipality = $1 and case_id = any($2)""",
                        row -> item(row, today), municipality, caseIds.toArray(String[]::new))
                .map(found -> caseIds.stream().flatMap(id -> found.stream().filter(i -> i.caseId().equals(id)))
                        .toList());
    }

    private static Item item(Row row, LocalDate today) {
        CaseStatus status = CaseStatus.valueOf(row.getString("status"));
        // late_from is set only while an answer is awaited; whether it is late is BusinessCalendar's rule
        boolean overdue = row.getLocalDate("late_from") != null
                && BusinessCalendar.pastDue(row.getLocalDate("due_on"), today);
        return new Item(row.getString("case_id"), row.getString("case_number"), status, status.label(), row.getLocalDate("received_on"),
                row.getOffsetDateTime("status_time").toInstant(), row.getString("referring_agency_id"),
                row.getString("assigned_agency_id"), row.getString("area"),
                enumOf(AgeBand.class, row.getString("age_band")),
                list(row.getString("concerns")).stream().map(Concern::valueOf).toList(),
                enumOf(Urgency.class, row.getString("urgency")),
                list(row.getString("fields")).stream().map(Field::valueOf).toList(),
                enumOf(MeetingType.class, row.getString("track")), row.getLocalDate("due_on"),
                overdue, row.getString("possible_duplicate_of"), row.getString("possible_number"), duplicate(row),
                row.getString("household_id"), row.getLong("household_suggestions").intValue(), null, null);
    }

    private static Duplicate duplicate(Row row) {
        String decision = row.getString("decision");
        if (decision == null) {
            return null;
        }
        DuplicateDecision d = DuplicateDecision.valueOf(decision);
        return new Duplicate(d, d.label(), row.getString("other_case_id"), row.getString("other_number"),
                row.getOffsetDateTime("decided_at").toInstant());
    }

    private static <E extends Enum<E> & Coded> String code(Class<E> type, String value, String field,
                                                           List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return Coded.parse(type, value.strip()).map(Enum::name).orElseGet(() -> {
            errors.add(new FieldError(field, "one of " + String.join(", ", Coded.codes(type))));
            return "";
        });
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String code) {
        return code == null ? null : Enum.valueOf(type, code);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
