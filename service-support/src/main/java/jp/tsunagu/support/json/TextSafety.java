package jp.tsunagu.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text a request carries, in every service: control characters (NUL and the other C0 codes but tab, line
 * feed and carriage return; DEL; the C1 codes) and lone surrogates (half a character, which no encoding can store)
 * are refused as bad input (400 naming the field). PostgreSQL cannot store NUL at all, and none of them belongs in a
 * name, a note or a code. Invisible formatting characters (bidi overrides and isolates, zero-width characters, line
 * and paragraph separators) change how the text around them reads without being seen: names refuse them
 * ({@code Params.name}), notes keep them and every printed page shows them as {@code [U+202E]} ({@code Html}). The
 * one definition of each.
 */
@Singleton
public class TextSafety implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("tsunagu-text-safety").addDeserializer(String.class, new SafeText()));
    }

    /** The message for a text holding half a character: an unpaired UTF-16 surrogate, sent as a JSON escape. */
    public static final String LONE_SURROGATE = "holds a lone surrogate (half a character)";

    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /** A character that changes how the text around it is shown or broken without being seen itself. */
    public static boolean isInvisibleFormatting(int c) {
        return (c >= 0x202a && c <= 0x202e) // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // bidi isolates
                || c == 0x200e || c == 0x200f || c == 0x061c // bidi marks
                || (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff // zero width
                || c == 0x2028 || c == 0x2029; // line and paragraph separators
    }

    public static boolean hasInvisibleFormatting(String s) {
        return s.codePoints().anyMatch(TextSafety::isInvisibleFormatting);
    }

    /** The text with each invisible formatting character written as a visible {@code [U+202E]}; null stays null. */
    public static String visible(String s) {
        if (s == null || !hasInvisibleFormatting(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (isInvisibleFormatting(c)) {
                b.append(String.format("[U+%04X]", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    public static boolean hasLoneSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static final class SafeText extends StdScalarDeserializer<String> {

        SafeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && hasControlCharacters(s)) {
                throw ctxt.weirdStringException("(not shown)", String.class, "control characters are not accepted");
            }
            if (s != null && hasLoneSurrogates(s)) {
                throw ctxt.weirdStringException("(not shown)", String.class, LONE_SURROGATE);
            }
            return s;
        }
    }
}
