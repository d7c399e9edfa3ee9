package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.testing.StageServiceChecks;
import jp.tsunagu.testing.TsunaguTestResources;

/**
 * The checks every service application passes (StageServiceChecks), run against planning-service on the real broker and
 * database: ready and live, its OpenAPI document and metrics, a stage event applied once however often it is delivered,
 * a poison record set aside on the dead-letter topic with its reason.
 */
@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PlanningApplicationTest extends StageServiceChecks {

    @Override
    protected String consumedTopic() {
        return Topics.ROUTING;
    }

    @Override
    protected String consumerName() {
        return "planning";
    }
}
