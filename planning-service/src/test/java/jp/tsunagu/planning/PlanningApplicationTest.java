package jp.tsunagu.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.testing.StageServiceChecks;
import jp.tsunagu.testing.TsunaguTestResources;

@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class PlanningServiceTest extends StageServiceChecks {

    @Override
    protected String consumedTopic() {
        return Topics.ROUTING;
    }

    @Override
    protected String consumerName() {
        return "planning";
    }
}
