package jp.tsunagu.console.plans;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.console.view.FormErrors;

/** What the plan pages' templates ask of values they show. */
@TemplateExtension
final class PlanText {

    private PlanText() {
    }

    /** The message about a role row's input, e.g. {@code fe.role(1, 'agencyId')} for {@code roles[1].agencyId}. */
    static String role(FormErrors errors, int row, String name) {
        return errors.get("roles[" + row + "]." + name);
    }
}
