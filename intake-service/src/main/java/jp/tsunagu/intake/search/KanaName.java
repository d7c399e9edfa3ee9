package jp.tsunagu.intake.search;

import java.text.Normalizer;

/**
 * A name in kana as the blind index compares it: width folded (ﾔﾏﾀﾞ → ヤマダ, full-width spaces), hiragana as
 * katakana (やまだ → ヤマダ), the 長音 written any way as ー (ｰ, －, ‐, -, ―, ─, 〜), and no spaces or ・ between
 * family and given name. So ヤマダ タロウ, やまだたろう and ﾔﾏﾀﾞ ﾀﾛｳ are one name.
 */
public final class KanaName {

    private KanaName() {
    }

    /** The normalised form; empty when nothing is left. */
    public static String normalize(String kana) {
        if (kana == null) {
            return "";
        }
        String folded = Normalizer.normalize(kana, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '・' || c == '･') {
                return;
            }
            if (c >= 0x3041 && c <= 0x3096) { // hiragana ぁ..ゖ → katakana ァ..ヶ
                out.appendCodePoint(c + 0x60);
            } else if (c == 'ー' || c == '－' || c == '-' || c == '‐' || c == '―' || c == '─' || c == '〜'
                    || c == '~' || c == '−') {
                out.append('ー');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
