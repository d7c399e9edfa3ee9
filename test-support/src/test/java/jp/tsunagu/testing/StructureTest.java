package jp.tsunagu.testing;

import org.junit.jupiter.api.Test;

/**
 * test-support's own classes and the contract's (which cannot depend on test-support, so its check runs here): no
 * package cycle, no call with more than five positional values.
 */
class StructureTest {

    @Test
    void testSupportHasNoPackageCycleAndNoMethodWithMoreThanFiveParameters() {
        StructureRules.check("jp.tsunagu.testing");
    }

    @Test
    void theContractHasNoPackageCycleAndNoMethodWithMoreThanFiveParameters() {
        StructureRules.checkDependency("jp.tsunagu.contract");
    }
}
