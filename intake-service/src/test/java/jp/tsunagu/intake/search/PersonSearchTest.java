package jp.tsunagu.intake.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /cases/search finds what coordinators type, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PersonSearchTest {

    static final String COORDINATOR = role("coordinator", KURUME);
    static final String REFERRER = agency("kurume-houkatsu-02", KURUME);

    @Inject
    DataSource db;
    @Inject
    SearchKeys keys;
    @Inject
    PersonReindex reindex;

    @Test
    void theSurnameAloneTheLongVowelEitherWayAndAWarekiBirthDateFindThePerson() {
        String ichiro = refer("ツナギヤマ イチロウ", "\"birthDate\":\"昭和17年3月5日\"");
        String jiro = refer("つなぎやま　じろー", "\"age\":50");
        String noSpace = refer("ツナギヤマサブロウ", "\"age\":40");

        assertEquals(List.of(ichiro), ids(search("ツナギヤマ イチロー", null)));
        assertEquals(List.of(ichiro), ids(search("つなぎやまいちろう", null)));
        assertEquals(List.of(jiro), ids(search("ツナギヤマ ジロウ", null)));
        assertEquals(List.of(noSpace), ids(search("つなぎやま さぶろー", null)), "no space: the full name finds it");

        assertEquals(Set.of(jiro, ichiro), Set.copyOf(ids(search("つなぎやま", null))),
                "the family name alone finds the two referred as family name, space, given name "
                        + "the one referred without a space is found by its full name only");
        for (String birth : List.of("昭和17年3月5日", "S17.3.5", "1942-03-05", "Ｓ１７．３．５")) {
            assertEquals(List.of(ichiro), ids(search("ツナギヤマ イチロウ", birth)), birth);
            assertEquals(Set.of(jiro, ichiro), Set.copyOf(ids(search("ツナギヤマ", birth))),
                    "with the surname: the person of that birth date, and the one referred without one " + birth);
        }
        assertTrue(ids(search("ツナギヤマ イチロウ", "R1.5.1")).isEmpty(), "another birth date");

        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"nameKana\":\"ツナギヤマ\",\"birthDate\":\"昭和17年13月5日\"}").post("/cases/search")
                .then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
    }

    @Test
    void kanjiInsteadOfKanaIsSaidSoInJapanese() {
        for (String written : List.of("山田 太郎", "やまだ 太郎", "Yamada Taro")) {
            given().header("Authorization", bearer(COORDINATOR)).header("Accept-Language", "ja")
                    .contentType(ContentType.JSON).body("{\"nameKana\":\"" + written + "\"}").post("/cases/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("nameKana"))
                    .body("errors[0].message", equalTo("ふりがな（ひらがな・カタカナ）で入力してください"));
        }
        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"nameKana\":\"山田 太郎\"}").post("/cases/search").then().statusCode(400)
                .body("errors[0].message", equalTo(CaseSearch.NOT_KANA));
    }

    @Test
    void aPersonIndexedUnderTheOldNormalisationIsFoundAfterTheUpgrade() throws Exception {
        String caseId = refer("フルカワ ジロウ", "\"birthDate\":\"1950-02-01\"");
        // the row as version 1 wrote it: the full name with ウ as written, no family name
        String v1 = keys.keyed(KURUME, "kana\nフルカワジロウ").await().indefinitely();
        String v1Birth = keys.keyed(KURUME, "kana+birth\nフルカワジロウ\n1950-02-01").await().indefinitely();
        execute("""
                update person_index set kana_mac = ?, kana_birth_mac = ?, family_mac = null, family_birth_mac = null,
                                        index_version = 1 where case_id = ?""", v1, v1Birth, caseId);
        String erased = UUID.randomUUID().toString();
        execute("""
                insert into person_index(case_id, municipality, kana_mac, index_version) values (?, ?, ?, 1)""",
                erased, KURUME, v1);
        assertTrue(ids(search("フルカワ ジロー", null)).isEmpty(), "the old key does not match the new form");
        assertTrue(ids(search("フルカワ", null)).isEmpty());

        assertTrue(reindex.run().await().indefinitely() >= 2);

        assertEquals(List.of(caseId), ids(search("ふるかわ じろー", null)));
        assertEquals(List.of(caseId), ids(search("フルカワ", "1950-02-01")));
        assertEquals(List.of(2), rows("select index_version from person_index where case_id = ?", caseId));
        assertEquals(List.of(), rows("select index_version from person_index where case_id = ?", erased),
                "a row whose person is not in the vault is removed");
        assertEquals(0, reindex.run().await().indefinitely(), "run again: nothing left to do");
        assertFalse(ids(search("フルカワ ジロウ", null)).isEmpty());
    }

    private String refer(String kana, String birthOrAge) {
        String body = """
                {"channel":"AGENCY","receivedOn":"2024-05-01",
                 "person":{"name":"検索 試験","nameKana":"%s",%s,"area":"荒木"},
                 "concerns":["ISOLATION"],"consent":"GIVEN","urgency":"ROUTINE"}""".formatted(kana, birthOrAge);
        return given().header("Authorization", bearer(REFERRER)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post("/referrals").then().statusCode(201).extract()
                .path("caseId");
    }

    static ExtractableResponse<Response> search(String kana, String birthDate) {
        String body = birthDate == null ? "{\"nameKana\":\"" + kana + "\"}"
                : "{\"nameKana\":\"" + kana + "\",\"birthDate\":\"" + birthDate + "\"}";
        return given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON).body(body)
                .post("/cases/search").then().statusCode(200).extract();
    }

    static List<String> ids(ExtractableResponse<Response> r) {
        return r.path("items.caseId");
    }

    private void execute(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                sql.replace("person_index", "intake.person_index"))) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private List<Integer> rows(String sql, String caseId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                sql.replace("person_index", "intake.person_index"))) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                List<Integer> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
                return out;
            }
        }
    }
}
