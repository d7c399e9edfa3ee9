package jp.tsunagu.support.page;

import jp.tsunagu.support.json.TextSafety;
import jp.tsunagu.support.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * An opaque position in a sorted list (keyset pagination): the sort it belongs to and the sort key of the last item
 * of the page before. The next page starts after that key, so items inserted meanwhile never make a page skip or
 * repeat an item. Clients treat it as an opaque string; one sent back altered (not base64, not ours, a key part
 * that is not the date or number it should be) is a 400 {@code /problems/cursor}, read through {@link #date},
 * {@link #instant} and {@link #number}.
 *
 * @param key the last item's sort key, values without line breaks (dates, numbers, ids)
 */
public record PageCursor(String sort, List<String> key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public PageCursor {
        key = List.copyOf(key);
    }

    public String encode() {
        return ENCODER.encodeToString(("v1\n" + sort + "\n" + String.join("\n", key))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back, for a list sorted by {@code sort} with {@code keyParts} values per key; null
     * when none was sent. A cursor of another sort, or one that is not ours, is a 400.
     */
    public static PageCursor decode(String token, String sort, int keyParts) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8)
                    .split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length < 2 || !parts[0].equals("v1")) {
            throw invalid();
        }
        if (!parts[1].equals(sort)) {
            throw ApiProblem.badRequest("cursor", "the cursor belongs to sort=" + parts[1]
                    + ": use it with the same sort (and filters) it came from");
        }
        if (parts.length != 2 + keyParts) {
            throw invalid();
        }
        for (int i = 2; i < parts.length; i++) {
            if (TextSafety.hasControlCharacters(parts[i])) { // a NUL would reach the database as an id
                throw invalid();
            }
        }
        return new PageCursor(sort, List.of(parts).subList(2, parts.length));
    }

    /** Key part {@code i} as a date (a cursor tampered with is a 400 {@code /problems/cursor}, never a 500). */
    public LocalDate date(int i) {
        try {
            LocalDate date = LocalDate.parse(key.get(i));
            if (date.getYear() < 1 || date.getYear() > 9999) { // beyond what the database stores
                throw invalid();
            }
            return date;
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** Key part {@code i} as an instant, at UTC. */
    public OffsetDateTime instant(int i) {
        try {
            OffsetDateTime at = Instant.parse(key.get(i)).atOffset(ZoneOffset.UTC);
            if (at.getYear() < 1 || at.getYear() > 9999) {
                throw invalid();
            }
            return at;
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** Key part {@code i} as a whole number. */
    public long number(int i) {
        try {
            return Long.parseLong(key.get(i));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** Key part {@code i} as text (an id). */
    public String text(int i) {
        return key.get(i);
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor", "cursor is not one this list gave out: start again without it");
    }
}
