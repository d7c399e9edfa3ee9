package jp.tsunagu.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.testing.DocumentedExamples;
import jp.tsunagu.testing.DocumentedExamples.Given;
import jp.tsunagu.testing.TsunaguTestResources;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Tokens.KURUME;
import static jp.tsunagu.testing.Tokens.agency;
import static jp.tsunagu.testing.Tokens.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What a partner agency's IT copies from the OpenAPI document works as the document says. */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class DocumentedExamplesTest {

    @Test
    void everyDocumentedRequestExampleIsAcceptedAndDoesWhatItSays() {
        String site = agency(InboxTest.SITE, KURUME);
        // one case for each answer: the first is accepted, the second declined
        String toAccept = InboxTest.referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        String toDecline = InboxTest.referAndAwait(BusinessDate.today(), Urgency.ROUTINE);
        Map<String, Given> operations = new LinkedHashMap<>();
        operations.put("acceptance", Given.as(site).path("caseId",
                sent -> sent.stream().anyMatch(s -> s.operationId().equals("acceptance")) ? toDecline : toAccept));
        // the documented receiver is the agency's; the test's is on loopback and is never called before it is gone
        operations.put("createSubscription", Given.as(site)
                .swap("https://it.kurume-houkatsu-06.example.jp/tsunagu/notices", "http://127.0.0.1:9/notices"));

        var sent = DocumentedExamples.replay(operations);

        assertEquals("ACCEPTED", sent.get(0).field("state"), sent.get(0).body());
        // declined: the case went to the next candidate, or to multi-agency coordination
        assertNotEquals(InboxTest.SITE, sent.get(1).field("agencyId"), sent.get(1).body());
        String subscription = sent.get(2).field("id");
        given().header("Authorization", bearer(site)).get("/subscriptions/" + subscription).then().statusCode(200);
        given().header("Authorization", bearer(site)).delete("/subscriptions/" + subscription).then().statusCode(204);
    }
}
