package jp.tsunagu.support.json;

import jp.tsunagu.support.http.Html;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Given a text, when TextSafety looks at it, then what it refuses and how a printed page shows it. */
class TextSafetyTest {

    static Stream<Arguments> texts() {
        // text, control characters, lone surrogate, invisible formatting, as printed (Html.escape)
        return Stream.of(
                Arguments.of("山田 太郎", false, false, false, "山田 太郎"),
                Arguments.of("1行目\n2行目\tタブ\r", false, false, false, "1行目\n2行目\tタブ\r"),
                Arguments.of("a\u0000b", true, false, false, "a\u0000b"),
                Arguments.of("a\u007fb", true, false, false, "a\u007fb"),
                Arguments.of("a\u0085b", true, false, false, "a\u0085b"),
                Arguments.of("絵文字😀", false, false, false, "絵文字😀"),
                Arguments.of("a" + (char) 0xd800 + "b", false, true, false, "a" + (char) 0xd800 + "b"),
                Arguments.of("a" + (char) 0xdc00, false, true, false, "a" + (char) 0xdc00),
                Arguments.of("金額 100\u202e000 円", false, false, true, "金額 100[U+202E]000 円"),
                Arguments.of("\u202a\u202b\u202c\u202d", false, false, true, "[U+202A][U+202B][U+202C][U+202D]"),
                Arguments.of("\u2066x\u2067\u2068\u2069", false, false, true, "[U+2066]x[U+2067][U+2068][U+2069]"),
                Arguments.of("山\u200b田\u200c\u200d", false, false, true, "山[U+200B]田[U+200C][U+200D]"),
                Arguments.of("\ufeff山田\u2060", false, false, true, "[U+FEFF]山田[U+2060]"),
                Arguments.of("一行\u2028二行\u2029", false, false, true, "一行[U+2028]二行[U+2029]"),
                Arguments.of("<b>&'\"\u202e", false, false, true, "&lt;b&gt;&amp;&#39;&quot;[U+202E]"),
                Arguments.of("\u200e\u200f\u061c", false, false, true, "[U+200E][U+200F][U+061C]"));
    }

    @ParameterizedTest(name = "[{index}] {4}")
    @MethodSource("texts")
    void whatIsRefusedAndHowItPrints(String text, boolean control, boolean loneSurrogate, boolean invisible,
                                     String printed) {
        assertEquals(control, TextSafety.hasControlCharacters(text), "control characters");
        assertEquals(loneSurrogate, TextSafety.hasLoneSurrogates(text), "lone surrogate");
        assertEquals(invisible, TextSafety.hasInvisibleFormatting(text), "invisible formatting");
        assertEquals(printed, Html.escape(text), "as printed");
    }
}
