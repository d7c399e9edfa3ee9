package jp.tsunagu.intake.importing.sheet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A CSV's character set: UTF-8 (with or without the BOM Excel writes for "CSV UTF-8") or Shift_JIS, which Excel on a
 * Japanese Windows writes as CP932 (windows-31j: Shift_JIS plus ① and the NEC/IBM kanji, as city lists use them).
 * The whole file must decode without a single bad byte: a mis-detected file is refused, never read as mojibake.
 *
 * @param name   "UTF-8" or "Shift_JIS", as reported
 * @param offset the bytes to skip (a BOM)
 */
record CsvCharset(String name, Charset charset, int offset) {

    static final String UTF_8 = "UTF-8";
    static final String SHIFT_JIS = "Shift_JIS";
    static final String AUTO = "auto";
    private static final Charset CP932 = Charset.forName("windows-31j");

    /** @param requested "UTF-8", "Shift_JIS" (or its other names), or null/"auto" to detect */
    static CsvCharset of(byte[] bytes, String requested) {
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String wanted = canonical(requested).orElseThrow(() -> new SheetRefused(SheetRefused.UNREADABLE_CHARSET));
        CsvCharset chosen = switch (wanted) {
            case UTF_8 -> new CsvCharset(UTF_8, StandardCharsets.UTF_8, bom);
            case SHIFT_JIS -> new CsvCharset(SHIFT_JIS, CP932, 0);
            default -> bom > 0 || decodes(bytes, bom, StandardCharsets.UTF_8)
                    ? new CsvCharset(UTF_8, StandardCharsets.UTF_8, bom)
                    : new CsvCharset(SHIFT_JIS, CP932, 0);
        };
        if (!decodes(bytes, chosen.offset(), chosen.charset())) {
            throw new SheetRefused(SheetRefused.UNREADABLE_CHARSET);
        }
        return chosen;
    }

    /**
     * A requested character set by its usual names: "UTF-8", "Shift_JIS" or "auto" (null or blank too, to detect);
     * empty for a name it does not know.
     */
    static java.util.Optional<String> canonical(String requested) {
        String wanted = requested == null ? "AUTO" : requested.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return java.util.Optional.ofNullable(switch (wanted) {
            case "AUTO", "" -> AUTO;
            case "UTF_8", "UTF8" -> UTF_8;
            case "SHIFT_JIS", "SJIS", "CP932", "MS932", "WINDOWS_31J" -> SHIFT_JIS;
            default -> null;
        });
    }

    /** A strict decoder: a malformed or unmappable byte is an error, never a replacement character. */
    CharsetDecoder decoder() {
        return strict(charset);
    }

    /** Whether every byte decodes, in one pass through a small buffer (nothing of the text is kept). */
    private static boolean decodes(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            out.clear();
            if (r.isUnderflow()) {
                break;
            }
        }
        while (true) {
            CoderResult r = decoder.flush(out);
            out.clear();
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                return true;
            }
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
