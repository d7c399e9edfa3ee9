package jp.tsunagu.support.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items and, when more follow, the cursor of the next page (also sent as
 * {@code Link: <…>; rel="next"}, RFC 8288, with the request's other parameters unchanged).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, @Schema(description = "Pass as ?cursor= for the next page; absent on the last")
                      String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The {@code limit} parameter: 1 to 200, 50 when absent. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.validation(List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    /**
     * The page of {@code rows}, read with one row more than {@code limit}: when that extra row came, there is a next
     * page, starting after the last row shown.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> item, Function<R, PageCursor> cursor) {
        List<R> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? cursor.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(item).toList(), next);
    }

    /** 200 with the page, and the {@code Link} header to the next one when there is one. */
    public Response response(UriInfo uri) {
        Response.ResponseBuilder ok = Response.ok(this);
        if (next != null) {
            ok.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    + ">; rel=\"next\"");
        }
        return ok.build();
    }
}
