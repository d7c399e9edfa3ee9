package jp.tsunagu.contract.codes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarekiTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", textBlock = """
            昭和19年4月2日,   1944-04-02
            S19.4.2,          1944-04-02
            s19.4.2,          1944-04-02
            令和1年5月1日,    2019-05-01
            令和元年5月1日,   2019-05-01
            Ｓ１９．４．２,   1944-04-02
            平成31年4月30日,  2019-04-30
            H1/1/8,           1989-01-08
            1944-04-02,       1944-04-02
            平成1年1月7日,    -
            昭和65年1月1日,   -
            令和1年4月30日,   -
            七十,             -
            2024-02-30,       -
            """)
    void parse(String text, String iso) {
        assertEquals(Optional.ofNullable(iso).map(LocalDate::parse), Wareki.parse(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2024-06-26, 令和6年6月26日
            2019-05-01, 令和元年5月1日
            2019-04-30, 平成31年4月30日
            1944-04-02, 昭和19年4月2日
            """)
    void format(String iso, String japanese) {
        assertEquals(japanese, Wareki.format(LocalDate.parse(iso)));
    }
}
