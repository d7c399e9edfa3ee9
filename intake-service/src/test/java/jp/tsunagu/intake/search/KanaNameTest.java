package jp.tsunagu.intake.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KanaNameTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ヤマダ タロウ, ヤマダタロウ",
            "やまだ　たろう, ヤマダタロウ",
            "ﾔﾏﾀﾞ ﾀﾛｳ, ヤマダタロウ",
            "ヤマダ・タロウ, ヤマダタロウ",
            "ｻﾄｳ ｹｰｺ, サトウケーコ",
            "さとう けーこ, サトウケーコ",
            "サトウ ケ－コ, サトウケーコ",
            "サトウ ケ-コ, サトウケーコ",
            "ヴァイオレット, ヴァイオレット",
            "ゔぁいおれっと, ヴァイオレット",
            "'   ', ''",
    })
    void everyWayOfWritingANameIsOneName(String written, String normal) {
        assertEquals(normal, KanaName.normalize(written));
    }
}
