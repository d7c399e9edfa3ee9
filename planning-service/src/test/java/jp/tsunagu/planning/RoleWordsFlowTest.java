package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanTexts;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.testing.TopicProbe;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.planning.PlanFlowTest.COORDINATOR;
import static jp.tsunagu.planning.PlanFlowTest.awaitEvent;
import static jp.tsunagu.planning.PlanFlowTest.get;
import static jp.tsunagu.planning.PlanFlowTest.publish;
import static jp.tsunagu.planning.PlanFlowTest.refer;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.bearer;
import static jp.tsunagu.testing.Tokens.role;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed once, the roles: a plan a meeting's review made names its roles' agencies without their words (no event
 * carries them); the coordinator gives the words with PUT /plans/{planId}/details, for the same agencies, and nothing
 * she gives there overwrites or adds an agency. Erasure writes over the words like any other.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class RoleWordsFlowTest {

    static ValidatableResponse details(String planId, String body) {
        return given().header("Authorization", bearer(role(COORDINATOR, KURUME))).header("Accept-Language", "ja")
                .contentType("application/json").body(body).put("/plans/" + planId + "/details").then();
    }

    @Test
    void aMeetingsRolesGetTheirWordsOnceForTheSameAgenciesAndErasureWritesThemOver() {
        String caseId = refer(KURUME);
        LocalDate held = LocalDate.of(2024, 6, 26);
        publish(Topics.MEETINGS, new MeetingEvent.CaseReviewed(caseId, KURUME, "m-role-words", MeetingType
                .JUUSOU_SHIEN_KAIGI, held, ReviewOutcome.PLAN, PlanType.MULTI_AGENCY, List.of(
                new Role("kurume-jiritsu-01", "家計の立て直し"), new Role("kurume-houkatsu-01", "母の介護の調整")),
                false, null), held, "review-" + caseId);
        String planId = awaitEvent(caseId, PlanningEvent.PlanCreated.class, e -> true).planId();
        get(role(COORDINATOR, KURUME), "/plans/" + planId).statusCode(200)
                .body("versions[0].roles.agencyId", equalTo(List.of("kurume-jiritsu-01", "kurume-houkatsu-01")))
                .body("versions[0].roles[0].responsibility", equalTo(null));

        // another agency, or one left out: a 再プラン, said in Japanese
        details(planId, """
                {"roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"},
                          {"agencyId":"kurume-sanka-01","responsibility":"就労体験"}]}""").statusCode(409)
                .body("detail", equalTo("第1版の役割の機関は kurume-jiritsu-01, kurume-houkatsu-01 です。これらの機関の"
                        + "役割の内容を1つずつ指定し、ほかの機関は指定しないでください。機関の追加・削除は再プラン（POST /plans/"
                        + planId + "/revisions）で行ってください"));
        details(planId, """
                {"roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}]}""").statusCode(409);
        // too long for a plan: named beside the field
        details(planId, "{\"roles\":[{\"agencyId\":\"kurume-jiritsu-01\",\"responsibility\":\""
                + "役".repeat(PlanTexts.RESPONSIBILITY + 1) + "\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("roles[0].responsibility"));

        details(planId, """
                {"roles":[{"agencyId":"kurume-houkatsu-01","responsibility":"母の介護の調整"},
                          {"agencyId":"kurume-jiritsu-01","responsibility":"家計の立て直し"}]}""").statusCode(200)
                .body("version", equalTo(1));
        get(role(COORDINATOR, KURUME), "/plans/" + planId).statusCode(200)
                .body("versions.size()", equalTo(1))
                .body("versions[0].roles.responsibility", equalTo(List.of("家計の立て直し", "母の介護の調整")));
        // the agencies were named when the plan was made: the completion announces no role, and no word
        var completed = TopicProbe.await(Topics.PLANS, r -> caseId.equals(r.key())
                && TopicProbe.decode(r).data() instanceof PlanningEvent.PlanDetailsCompleted, Duration.ofSeconds(30));
        assertEquals(List.of(), ((PlanningEvent.PlanDetailsCompleted) TopicProbe.decode(completed).data()).roles());
        String logged = new String(completed.value(), StandardCharsets.UTF_8);
        assertTrue(!logged.contains("家計の立て直し") && !logged.contains("母の介護"), logged);

        // written once: other words are a 再プラン
        details(planId, """
                {"roles":[{"agencyId":"kurume-jiritsu-01","responsibility":"就労の支援"},
                          {"agencyId":"kurume-houkatsu-01","responsibility":"母の介護の調整"}]}""").statusCode(409)
                .body("detail", containsString("再プラン"));

        // the person's data erased: the words are written over, the agencies stay
        publish(Topics.INTAKE, new IntakeEvent.PersonErased(caseId, KURUME, LocalDate.of(2024, 8, 1)),
                LocalDate.of(2024, 8, 1), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(role(COORDINATOR, KURUME), "/plans/" + planId)
                .extract().asString().contains("家計の立て直し"));
        get(role(COORDINATOR, KURUME), "/plans/" + planId).statusCode(200)
                .body(not(containsString("母の介護")))
                .body("versions[0].roles.agencyId", equalTo(List.of("kurume-jiritsu-01", "kurume-houkatsu-01")));
    }
}
