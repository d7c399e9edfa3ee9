package jp.tsunagu.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Cursors a client might send back altered, for a list sorted by {@code sort} whose key has {@code keyParts}
 * values: each must be a 400 {@code /problems/cursor}, never a 500.
 */
public final class TamperedCursors {

    private TamperedCursors() {
    }

    /** Not base64; base64 of something else; each key part not the date or number it should be; a NUL in the key. */
    public static List<String> of(String sort, int keyParts) {
        return List.of("not*base64*at*all", encode("hello, world"), encode("v1\n" + sort),
                key(sort, keyParts, "x1y"), key(sort, keyParts, "2025-02-30"),
                key(sort, keyParts, "99999999999999999999"), key(sort, keyParts, "+12345-01-01"),
                key(sort, keyParts, "2025-01-01T00:00:00"), key(sort, keyParts, "1\u0000"));
    }

    /** A well-formed cursor whose every key part is {@code value}. */
    private static String key(String sort, int keyParts, String value) {
        return encode("v1\n" + sort + "\n" + String.join("\n", Collections.nCopies(keyParts, value)));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
