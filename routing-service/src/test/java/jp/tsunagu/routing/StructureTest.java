package jp.tsunagu.routing;

import jp.tsunagu.testing.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * routing's packages import each other one way only (rules and topic below everything, referral above directory,
 * notice above webhook's settings), and no call takes more than five positional values.
 */
class StructureTest {

    @Test
    void noPackageCycleAndNoMethodWithMoreThanFiveParameters() {
        StructureRules.check("jp.tsunagu.routing");
    }
}
