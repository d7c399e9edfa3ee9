package jp.tsunagu.meeting;

import jp.tsunagu.testing.StructureRules;
import org.junit.jupiter.api.Test;

/**
 * The build-wide rules over meeting's classes: no package imports one that imports it back (PackagesTest says which
 * way meeting's go), and no call takes more than five positional values.
 */
class StructureTest {

    @Test
    void noPackageCycleAndNoMethodWithMoreThanFiveParameters() {
        StructureRules.check("jp.tsunagu.meeting");
    }
}
