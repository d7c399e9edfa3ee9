package jp.tsunagu.intake.household;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.intake.household.HouseholdTest.COORDINATOR;
import static jp.tsunagu.intake.household.HouseholdTest.PARENT_SIDE;
import static jp.tsunagu.intake.household.HouseholdTest.SON_SIDE;
import static jp.tsunagu.intake.household.HouseholdTest.item;
import static jp.tsunagu.intake.household.HouseholdTest.link;
import static jp.tsunagu.intake.household.HouseholdTest.person;
import static jp.tsunagu.intake.household.HouseholdTest.refer;
import static jp.tsunagu.intake.household.HouseholdTest.suggestions;
import static jp.tsunagu.testing.Tokens.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Households (世帯) through the REST API, on the real broker and database: what an erasure forgets in the other
 * referrals, which cases may not be linked, the year of tolerance on ages, and the 409 in either language.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class HouseholdSafeguardsTest {

    @Test
    void erasingTheParentForgetsHerNameInHerSonsReferralAndNoLaterReferralIsSuggestedFromIt() {
        String parent = refer(PARENT_SIDE, "2019-06-10", person("消去 母", "ショウキョ ハハ", "1945-03-03", null), "");
        String son = refer(SON_SIDE, "2019-06-12", person("消去 子", "ショウキョ コ", "1972-01-01", null), """
                ,"household":[{"relation":"PARENT","name":"消去 母","nameKana":"しょうきょ はは",
                               "birthDate":"1945-03-03","concerns":["DEMENTIA"]}]""");
        suggestions(son).body("[0].caseId", equalTo(parent));

        given().header("Authorization", bearer(COORDINATOR)).delete("/persons/" + parent).then().statusCode(204);

        // the son's referral still says a parent with dementia lives with him, no longer who she is
        given().header("Authorization", bearer(SON_SIDE)).get("/referrals/" + son + "/person").then()
                .statusCode(200).body("name", equalTo("消去 子"))
                .body("household", hasSize(1))
                .body("household[0].relation", equalTo("PARENT"))
                .body("household[0].concerns", equalTo(List.of("DEMENTIA")))
                .body("household[0].name", nullValue())
                .body("household[0].nameKana", nullValue())
                .body("household[0].birthDate", nullValue());
        suggestions(son).body("", hasSize(0));

        // she is referred again: her son's referral no longer names her, so nothing is suggested from it
        String again = refer(PARENT_SIDE, "2019-06-20", person("消去 母", "ショウキョ ハハ", "1945-03-03", null), "");
        suggestions(again).body("", hasSize(0));
        suggestions(son).body("", hasSize(0));
    }

    @Test
    void aCaseJoinedToAnotherAsADuplicateIsNotLinkedButTheCaseItJoinedIs() {
        String first = refer(PARENT_SIDE, "2019-06-24", person("統合 一", "トウゴウ ハジメ", "1960-01-01", null), "");
        String twice = refer(SON_SIDE, "2019-06-25", person("統合 一", "トウゴウ ハジメ", "1960-01-01", null), "");
        String other = refer(SON_SIDE, "2019-06-26", person("統合 二", "トウゴウ ツギ", "1962-02-02", null), "");
        given().header("Authorization", bearer(COORDINATOR)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"decision\":\"CONFIRM\",\"of\":\"" + first + "\"}")
                .post("/cases/" + twice + "/duplicate").then().statusCode(201).body("status", equalTo("CLOSED"));

        link(other, twice).then().statusCode(422).body("errors[0].field", equalTo("caseIds"))
                .body("errors[0].message", equalTo("重複として統合された案件は世帯に登録できません"));
        assertNull(item(other).get("householdId"), "nothing changed by a refused request");

        String householdId = link(first, other).then().statusCode(201).extract().path("householdId");
        given().header("Authorization", bearer(COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"caseId\":\"" + twice + "\"}").post("/households/" + householdId + "/members").then()
                .statusCode(422).body("errors[0].field", equalTo("caseId"))
                .body("errors[0].message", equalTo("重複として統合された案件は世帯に登録できません"));
        assertNull(item(twice).get("householdId"));

        // the household conflict speaks the language asked for, like every other problem
        String third = refer(SON_SIDE, "2019-06-27", person("統合 三", "トウゴウ サブ", "1963-03-03", null), "");
        given().header("Authorization", bearer(COORDINATOR)).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body("{\"caseIds\":[\"" + third + "\",\"" + first + "\"]}")
                .post("/households").then().statusCode(409).header("Content-Language", "en")
                .body("type", equalTo("/problems/household-conflict")).body("title", equalTo("Conflict"))
                .body("householdId", equalTo(householdId));
        link(third, first).then().statusCode(409).header("Content-Language", "ja")
                .body("title", equalTo("現在の状態ではこの操作はできません"))
                .body("householdId", equalTo(householdId));
    }

    @Test
    void aMemberNamedAYearOlderThanHerOwnCaseSaysIsStillFoundButNotTwoYears() {
        // 77 when her case was received; 78 by the time her son's was (her birthday fell between them)
        String mother = refer(PARENT_SIDE, "2019-07-02", person("誕生 母", "タンジョウ ハハ", "1941-07-15", null), "");
        String son = refer(SON_SIDE, "2019-07-22", person("誕生 子", "タンジョウ コ", "1970-03-03", null), """
                ,"household":[{"relation":"PARENT","nameKana":"たんじょう はは","age":78}]""");
        suggestions(son).body("", hasSize(1)).body("[0].caseId", equalTo(mother))
                .body("[0].basis", equalTo("MEMBER_IS_PERSON"));

        String neighbour = refer(SON_SIDE, "2019-07-23", person("誕生 隣", "タンジョウ トナリ", "1980-04-04", null), """
                ,"household":[{"relation":"PARENT","nameKana":"たんじょう はは","age":79}]""");
        suggestions(neighbour).body("", hasSize(0));
        assertFalse(suggestions(mother).extract().<List<String>>path("caseId").contains(neighbour));
    }
}
