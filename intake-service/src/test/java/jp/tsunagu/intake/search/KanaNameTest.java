package jp.tsunagu.intake.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KanaNameTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ヤマダ タロウ, ヤマダタロー",
            "やまだ　たろう, ヤマダタロー",
            "ﾔﾏﾀﾞ ﾀﾛｳ, ヤマダタロー",
            "ヤマダ・タロウ, ヤマダタロー",
            "ｻﾄｳ ｹｰｺ, サトーケーコ",
            "さとう けーこ, サトーケーコ",
            "サトウ ケ－コ, サトーケーコ",
            "サトウ ケ-コ, サトーケーコ",
            "ヴァイオレット, ヴァイオレット",
            "ゔぁいおれっと, ヴァイオレット",
            "'   ', ''",
            // 長音 written with a kana (o-row + ウ / オ, u-row + ウ, e-row + イ) is ー
            "イチロウ, イチロー",
            "いちろー, イチロー",
            "ジロウ, ジロー",
            "サトウ ケイコ, サトーケーコ",
            "トオル, トール",
            "オオノ, オーノ",
            "ユウコ, ユーコ",
            "キョウコ, キョーコ",
            "リュウジ, リュージ",
            "イチローー, イチロー",
            // one sound, two kana
            "ツヅキ, ツズキ",
            "ちぢわ, チジワ",
            // not folded: a-row + ア, i-row + イ, small kana written large, 濁点
            "イイダ, イイダ",
            "ササキ アア, ササキアア",
            "キヨウコ, キヨーコ",
            "サドウ, サドー",
    })
    void everyWayOfWritingANameIsOneName(String written, String normal) {
        assertEquals(normal, KanaName.normalize(written));
    }

    @ParameterizedTest(name = "{0} → family name {1}")
    @CsvSource({
            "ヤマダ タロウ, ヤマダ",
            "やまだ　たろう, ヤマダ",
            "' サトウ ケイコ', サトー",
            "ﾔﾏﾀﾞ ﾀﾛｳ, ヤマダ",
            "ヤマダタロウ, ''",
            "ヤマダ・タロウ, ''",
    })
    void theFamilyNameIsWhatComesBeforeTheFirstSpace(String written, String family) {
        assertEquals(family, KanaName.familyName(written).orElse(""));
    }

    @ParameterizedTest
    @CsvSource({"やまだ たろう, true", "ﾔﾏﾀﾞ, true", "ヤマダ・タロウ, true", "山田 太郎, false", "やまだ 太郎, false",
            "Yamada, false", "ヤマダ1, false"})
    void onlyKanaIsASearchText(String written, boolean kana) {
        assertEquals(kana, KanaName.isKana(written));
    }
}
