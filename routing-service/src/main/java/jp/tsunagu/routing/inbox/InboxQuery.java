package jp.tsunagu.routing.inbox;

import jakarta.ws.rs.QueryParam;
import jp.tsunagu.contract.codes.InboxState;
import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.page.PageCursor;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Locale;

/**
 * What an inbox request asks for: whose inbox, which states, only overdue ones, in which order, from where.
 *
 * @param state  one of {@link InboxState}, or null for all
 * @param sort   {@code newest} (routed last first) or {@code due} (the earliest deadline first)
 * @param cursor where the previous page ended, or null for the first page
 */
public record InboxQuery(String municipality, String agencyId, String state, boolean overdueOnly, String sort,
                         int limit, PageCursor cursor) {

    public static final String NEWEST = "newest";
    public static final String DUE = "due";

    /** The request's parameters read and checked; a bad one is a 400 naming it. */
    public static InboxQuery of(String municipality, String agencyId, Params params) {
        String state = state(params.state());
        boolean overdue = Boolean.TRUE.equals(params.overdue());
        if (overdue && state != null && !state.equals(InboxItem.AWAITING)) {
            throw invalid("overdue", "overdue=true lists cases still awaiting an answer: use it with "
                    + "state=awaiting (the default)");
        }
        String sort = params.sort() == null ? NEWEST : params.sort().strip().toLowerCase(Locale.ROOT);
        if (!List.of(NEWEST, DUE).contains(sort)) {
            throw invalid("sort", "sort must be newest or due");
        }
        int limit = Page.limit(params.limit());
        PageCursor cursor = PageCursor.decode(params.cursor(), sort, sort.equals(NEWEST) ? 1 : 2);
        return new InboxQuery(municipality, agencyId, overdue ? InboxItem.AWAITING : state, overdue, sort, limit,
                cursor);
    }

    /**
     * The query of {@code GET /inbox} as sent ({@code @BeanParam}): one named value each, so no two can be swapped by
     * position; {@link #of} checks them and names each invalid one.
     */
    public record Params(
            @Parameter(description = "awaiting (default), accepted, declined, expired, joined or all")
            @QueryParam("state") String state,
            @Parameter(description = "true: only cases still awaiting an answer past their due date")
            @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "newest (default) or due") @QueryParam("sort") String sort,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor,
            @Parameter(description = "Coordinators: the agency whose inbox to read") @QueryParam("agency")
            String agency) {
    }

    private static String state(String param) {
        String s = param == null ? "awaiting" : param.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return null;
        }
        return InboxState.ofParameter(s).map(InboxState::name).orElseThrow(() -> invalid("state",
                "state must be awaiting, accepted, declined, expired, joined or all"));
    }

    /** A 400 naming the parameter, as every list's parameters are answered. */
    private static ApiProblem invalid(String parameter, String message) {
        return ApiProblem.validation(List.of(new FieldError(parameter, message)));
    }
}
