package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static jp.tsunagu.infra.identity.RealmNames.BROWSER_FLOW;
import static jp.tsunagu.infra.identity.RealmNames.FORMS_FLOW;
import static jp.tsunagu.infra.identity.RealmNames.SECOND_FACTOR;
import static jp.tsunagu.infra.identity.RealmNames.SECOND_FACTOR_FLOW;

/**
 * The realm's browser flow: a running session, or password and then, for whoever has the role
 * {@code requires-second-factor} (coordinators and analysts, who read every case of the city), a TOTP code. A person
 * with that role and no TOTP yet is asked to enrol at first sign-in (Keycloak's CONFIGURE_TOTP required action).
 * Keycloak keeps its built-in flows (direct grant, clients, reset credentials …) beside it.
 */
final class RealmFlows {

    static final String SECOND_FACTOR_CONDITION = "tsunagu requires second factor";

    private RealmFlows() {
    }

    static void browser(ObjectNode realm) {
        realm.put("browserFlow", BROWSER_FLOW);
        ArrayNode flows = realm.putArray("authenticationFlows");

        ArrayNode browser = flow(flows, BROWSER_FLOW, true,
                "Tsunagu: セッションがあればそのまま、なければパスワード（と必要な人には TOTP）");
        step(browser, "auth-cookie", "ALTERNATIVE", 10);
        subflow(browser, FORMS_FLOW, "ALTERNATIVE", 20);

        ArrayNode forms = flow(flows, FORMS_FLOW, false, "パスワード、続いて二要素認証が必要な人には TOTP");
        step(forms, "auth-username-password-form", "REQUIRED", 10);
        subflow(forms, SECOND_FACTOR_FLOW, "CONDITIONAL", 20);

        ArrayNode second = flow(flows, SECOND_FACTOR_FLOW, false, "ロール requires-second-factor を持つ人に TOTP を求める");
        step(second, "conditional-user-role", "REQUIRED", 10).put("authenticatorConfig", SECOND_FACTOR_CONDITION);
        step(second, "auth-otp-form", "REQUIRED", 20);

        ObjectNode condition = realm.putArray("authenticatorConfig").addObject().put("alias", SECOND_FACTOR_CONDITION);
        condition.putObject("config").put("condUserRole", SECOND_FACTOR).put("negate", "false");
    }

    /** Adds a flow; returns its executions. */
    private static ArrayNode flow(ArrayNode flows, String alias, boolean topLevel, String description) {
        return flows.addObject()
                .put("alias", alias)
                .put("description", description)
                .put("providerId", "basic-flow")
                .put("topLevel", topLevel)
                .put("builtIn", false)
                .putArray("authenticationExecutions");
    }

    private static ObjectNode step(ArrayNode executions, String authenticator, String requirement, int priority) {
        return flags(executions.addObject().put("authenticator", authenticator), false)
                .put("requirement", requirement)
                .put("priority", priority)
                .put("userSetupAllowed", false);
    }

    private static void subflow(ArrayNode executions, String alias, String requirement, int priority) {
        flags(executions.addObject(), true)
                .put("flowAlias", alias)
                .put("requirement", requirement)
                .put("priority", priority)
                .put("userSetupAllowed", false);
    }

    /** Keycloak's representation spells the flag both ways (the misspelling is the one older readers know). */
    private static ObjectNode flags(ObjectNode execution, boolean isFlow) {
        return execution.put("authenticatorFlow", isFlow).put("autheticatorFlow", isFlow);
    }
}
