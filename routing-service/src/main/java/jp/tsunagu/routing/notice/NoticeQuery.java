package jp.tsunagu.routing.notice;

import jp.tsunagu.support.page.Page;
import jp.tsunagu.support.page.PageCursor;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
    public static NoticeQuery of(String municipality, String agencyId, List<String> type, String since,
                                 Integer limit, String cursor) {
        return new NoticeQuery(municipality, agencyId, types(type), since(since), Page.limit(limit),
                PageCursor.decode(cursor, NEWEST, 1));
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
        if (given == null || given.isBlank()) {
            return null;
        }
        ApiProblem invalid = ApiProblem.validation(List.of(new FieldError("since",
                "an instant with its offset, e.g. 2026-12-04T09:00:00Z or 2026-12-04T18:00:00+09:00")));
        try {
            OffsetDateTime at = OffsetDateTime.parse(given.strip());
            if (at.getYear() < 1 || at.getYear() > 9999) { // beyond what the database stores
                throw invalid;
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            throw invalid;
        }
    }
}
