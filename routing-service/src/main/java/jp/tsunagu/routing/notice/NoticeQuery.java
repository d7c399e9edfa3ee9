package jp.tsunagu.routing.notice;

import jakarta.ws.rs.QueryParam;
import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.page.PageCursor;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code GET /notices} asks for: one agency's notices, newest first, of some types, made since a moment.
 *
 * @param types  the notice types wanted; empty for all
 * @param since  only notices made at or after it; null for all
 * @param cursor where the previous page ended, or null for the first page
 */
public record NoticeQuery(String municipality, String agencyId, List<NoticeType> types, Instant since, int limit,
                          PageCursor cursor) {

    /** The only order: the newest notice first (by the order notices were made). */
    static final String NEWEST = "newest";

    public NoticeQuery {
        types = List.copyOf(types);
    }

    /** The request's parameters read and checked; a bad one is a 400 naming it. */
    public static NoticeQuery of(String municipality, String agencyId, Params params) {
        return new NoticeQuery(municipality, agencyId, types(params.type()), since(params.since()),
                Page.limit(params.limit()), PageCursor.decode(params.cursor(), NEWEST, 1));
    }

    /**
     * The query of {@code GET /notices} as sent ({@code @BeanParam}): one named value each, so no two can be swapped
     * by position.
     */
    public record Params(
            @Parameter(description = "Only notices of these codes: repeat the parameter or separate codes by commas "
                    + "(case-routed, answer-due, case-taken-away, meeting-invitation, plan-role, plan-review-due, "
                    + "referral-accepted, referral-declined, referral-passed-on, referral-escalated); absent: all",
                    example = "[\"referral-accepted,referral-declined\"]")
            @QueryParam("type") List<String> type,
            @Parameter(description = "Only notices made at or after this instant (the notice's `time`), with its "
                    + "offset: Z or +09:00 (a + sent unencoded is read as the + it was)",
                    example = "2026-12-04T09:00:00Z")
            @QueryParam("since") String since,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor) {
    }

    /** {@code ?type=} repeated, comma-separated, or both. */
    static List<NoticeType> types(List<String> given) {
        Set<NoticeType> types = new LinkedHashSet<>();
        for (String param : given == null ? List.<String>of() : given) {
            for (String code : param.split(",", -1)) {
                if (code.isBlank()) {
                    continue;
                }
                try {
                    types.add(NoticeType.ofCode(code.strip()));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.validation(List.of(new FieldError("type", "one of "
                            + List.of(NoticeType.values()).stream().map(NoticeType::code).toList())));
                }
            }
        }
        return List.copyOf(types);
    }

    /** An instant with its offset, as the notices' {@code time} is written ({@code Z} or {@code +09:00}). */
    static Instant since(String given) {
        List<FieldError> errors = new ArrayList<>();
        Instant since = jp.tsunagu.support.problem.Params.instant(given, "since", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return since;
    }
}
