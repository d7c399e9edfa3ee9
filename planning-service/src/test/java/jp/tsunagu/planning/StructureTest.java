package jp.tsunagu.planning;

import jp.tsunagu.testing.StructureRules;
import org.junit.jupiter.api.Test;

/** planning-service's packages import each other one way only, and no call takes more than five positional values. */
class StructureTest {

    @Test
    void noPackageCycleAndNoMethodWithMoreThanFiveParameters() {
        StructureRules.check("jp.tsunagu.planning");
    }
}
