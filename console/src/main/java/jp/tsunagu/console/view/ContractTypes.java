package jp.tsunagu.console.view;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.contract.codes.PlanTexts;
import jp.tsunagu.contract.directory.AgencyDirectory;

/**
 * The contract's types that pages read directly (the contract itself knows nothing of templates); a plan's text limits
 * as {@code {PlanTexts:WISH}}, so that a form's hint and maxlength say what the services take.
 */
@TemplateData(target = AgencyDirectory.class)
@TemplateData(target = PlanTexts.class, namespace = TemplateData.SIMPLENAME)
final class ContractTypes {

    private ContractTypes() {
    }
}
