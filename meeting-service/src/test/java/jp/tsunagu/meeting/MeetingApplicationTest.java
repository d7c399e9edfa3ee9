package jp.tsunagu.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.testing.StageServiceChecks;
import jp.tsunagu.testing.TsunaguTestResources;

@QuarkusTest
@QuarkusTestResource(TsunaguTestResources.class)
class MeetingServiceTest extends StageServiceChecks {

    @Override
    protected String consumedTopic() {
        return Topics.INTAKE;
    }

    @Override
    protected String consumerName() {
        return "meetings";
    }
}
