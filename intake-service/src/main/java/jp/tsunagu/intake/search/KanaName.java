package jp.tsunagu.intake.search;

import java.text.Normalizer;
import java.util.Optional;

/**
 * A name in kana as the blind index compares it. {@link #VERSION} 2; changing what is folded changes every index key,
 * so it comes with a new version and a re-index from the vault ({@link PersonReindex}).
 * <ul>
 * <li>Width folded (ﾔﾏﾀﾞ → ヤマダ, full-width spaces), hiragana as katakana (やまだ → ヤマダ), no spaces or ・.</li>
 * <li>The 長音 written any way is ー (ｰ, －, ‐, -, ―, ─, 〜), and a run of them one ー.</li>
 * <li>A long vowel written with a kana is ー, where Japanese spelling itself writes the same sound both ways:
 * o-row + ウ (イチロウ = イチロー, ジロウ = ジロー, サトウ = サトー, キョウコ = キョーコ), o-row + オ (トオル = トール,
 * オオノ = オーノ), u-row + ウ (ユウコ = ユーコ, シュウ = シュー) and e-row + イ (ケイコ = ケーコ, セイジ = セージ).
 * Not folded: a-row + ア and i-row + イ (イイダ is never written イーダ, so folding would only add false matches).</li>
 * <li>Kana of one sound written two ways: ヂ = ジ, ヅ = ズ (四つ仮名: ツヅキ = ツズキ), ヲ = オ, ヰ = イ, ヱ = エ.</li>
 * </ul>
 * Not folded, on purpose: small kana written large (キヨウコ is also a real name beside キョウコ), ヴ and ブ, 濁点
 * (サトウ and サドウ are different people). A fold makes two spellings one key: a coordinator sees one more
 * candidate, never one fewer, and decides herself.
 */
public final class KanaName {

    /** The normalisation the index keys were made with; a row of an older version is re-indexed. */
    public static final int VERSION = 2;

    private static final String O_ROW = "オコソトノホモヨロヲゴゾドボポョォ";
    private static final String U_ROW = "ウクスツヌフムユルグズヅブプュゥヴ";
    private static final String E_ROW = "エケセテネヘメレゲゼデベペェ";

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
            int k = c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c; // hiragana ぁ..ゖ → katakana ァ..ヶ
            k = switch (k) {
                case 'ヂ' -> 'ジ';
                case 'ヅ' -> 'ズ';
                case 'ヲ' -> 'オ';
                case 'ヰ' -> 'イ';
                case 'ヱ' -> 'エ';
                case 'ー', '－', '-', '‐', '―', '─', '〜', '~', '−' -> 'ー';
                default -> k;
            };
            char previous = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
            if (k == 'ー' && previous == 'ー') {
                return;
            }
            if ((k == 'ウ' && (O_ROW.indexOf(previous) >= 0 || U_ROW.indexOf(previous) >= 0))
                    || (k == 'オ' && O_ROW.indexOf(previous) >= 0)
                    || (k == 'イ' && E_ROW.indexOf(previous) >= 0)) {
                out.append('ー');
            } else {
                out.appendCodePoint(k);
            }
        });
        return out.toString();
    }

    /**
     * The family name of a name as referrals write it, family name first and a space (half or full width) before the
     * given name: ヤマダ タロウ → ヤマダ. Empty when there is no space: where the family name of ヤマダタロウ ends is
     * not known, and a guess would find strangers, so such a name is found by the full name only.
     */
    public static Optional<String> familyName(String kana) {
        if (kana == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(kana, Normalizer.Form.NFKC).strip();
        int space = -1;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))) {
                space = i;
                break;
            }
        }
        if (space < 0) {
            return Optional.empty();
        }
        String family = normalize(text.substring(0, space));
        return family.isEmpty() ? Optional.empty() : Optional.of(family);
    }

    /**
     * Whether a search text is kana only (after {@link #normalize}: katakana and ー), so a name typed in kanji or
     * letters is named as such instead of finding no one.
     */
    public static boolean isKana(String kana) {
        String normal = normalize(kana);
        return normal.codePoints().allMatch(c -> (c >= 0x30A1 && c <= 0x30FA) || c == 'ー' || c == 'ヽ' || c == 'ヾ');
    }
}
