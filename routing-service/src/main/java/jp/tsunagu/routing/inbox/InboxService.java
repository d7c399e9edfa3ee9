package jp.tsunagu.routing.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.calendar.BusinessCalendar;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.routing.directory.DirectoryCatalog;
import jp.tsunagu.routing.referral.RoutingView;
import jp.tsunagu.routing.rules.CaseFacts;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.page.PageCursor;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads an agency's inbox: an agency reads its own; a coordinator any agency's of the municipality (naming it).
 */
@ApplicationScoped
public class InboxService {

    private final InboxRecords records;
    private final DirectoryCatalog catalog;

    public InboxService(InboxRecords records, DirectoryCatalog catalog) {
        this.records = records;
        this.catalog = catalog;
    }

    @InTransaction
    public Uni<Page<InboxItem>> page(Caller caller, InboxQuery.Params params, LocalDate today) {
        InboxQuery query = InboxQuery.of(caller.municipality(), whose(caller, params.agency()), params);
        AgencyDirectory directory = catalog.directory(caller.municipality()).orElseThrow();
        return records.page(query, today).map(rows -> Page.of(rows, query.limit(),
                row -> item(row, directory, today), row -> cursor(query, row)));
    }

    /** Whose inbox: the caller's own agency's, or for a coordinator the agency named. */
    private String whose(Caller caller, String agencyParam) {
        String named = agencyParam == null || agencyParam.isBlank() ? null : agencyParam.strip();
        if (caller.is(Roles.AGENCY)) {
            if (named != null && !caller.isAgency(named)) {
                throw ApiProblem.forbidden("an agency reads its own inbox only");
            }
            return caller.agencyId();
        }
        if (named == null) {
            throw ApiProblem.validation(List.of(new FieldError("agency",
                    "a coordinator names the agency: ?agency=<agency id>")));
        }
        boolean listed = catalog.directory(caller.municipality()).stream()
                .flatMap(d -> d.agencies().stream()).anyMatch(a -> a.id().equals(named));
        if (!listed) {
            throw ApiProblem.notFound("agency " + named + " of your municipality");
        }
        return named;
    }

    private static PageCursor cursor(InboxQuery query, InboxRecords.Stored row) {
        return query.sort().equals(InboxQuery.NEWEST) ? new PageCursor(query.sort(), List.of(Long.toString(row.seq())))
                : new PageCursor(query.sort(), List.of(
                        (row.dueOn() == null ? LocalDate.of(9999, 12, 31) : row.dueOn()).toString(),
                        Long.toString(row.seq())));
    }

    private static InboxItem item(InboxRecords.Stored row, AgencyDirectory directory, LocalDate today) {
        CaseFacts f = row.facts();
        String referrer = f == null ? null : f.referringAgencyId();
        String referrerName = referrer == null ? null : directory.agencies().stream()
                .filter(a -> a.id().equals(referrer)).map(Agency::name).findFirst().orElse(null);
        boolean overdue = InboxItem.AWAITING.equals(row.state()) && BusinessCalendar.pastDue(row.dueOn(), today);
        return new InboxItem(row.caseId(), row.caseNumber(), row.state(), row.decision(), row.routedOn(),
                row.dueOn(), overdue,
                f == null ? null : f.urgency(), f == null ? null : f.ageBand(), f == null ? null : f.area(),
                f == null ? List.of() : f.concerns(), f == null ? List.of() : f.household(), referrer, referrerName,
                row.reasons().stream().map(r -> new RoutingView.ReasonView(r.rule(), r.detailJa(), r.detailEn()))
                        .toList(), row.answeredOn(), row.declineReason());
    }
}
