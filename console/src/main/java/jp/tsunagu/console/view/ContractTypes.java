package jp.tsunagu.console.view;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.contract.directory.AgencyDirectory;

/** The contract's types that pages read directly (the contract itself knows nothing of templates). */
@TemplateData(target = AgencyDirectory.class)
final class ContractTypes {

    private ContractTypes() {
    }
}
