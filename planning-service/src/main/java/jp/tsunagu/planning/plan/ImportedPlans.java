package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.contract.importing.ImportedStages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plan of a case brought in from the city's own list (台帳取込): made as it would have been made on the list's
 * 作成日 and, for a 終結 case, closed on its 終結日. Pure, like {@link PlanDecider}, whose {@code decide} it is for
 * {@link PlanCommand.TakeImport}.
 * <p>
 * The live rules of a new plan ({@link PlanDecider#refuseCreation}: a 多機関協働プラン names the 重層的支援会議 that
 * adopted it) are for someone making a plan now; the list tells of a plan the city made before Tsunagu, whose meeting
 * Tsunagu never saw, so none is named. Once made it is a plan like any other: revised, completed and closed through
 * the API or a meeting by the same rules.
 */
final class ImportedPlans {

    /** Why an imported plan ended: the list gives the 終結日 only. */
    static final String CLOSE_REASON = "市の台帳から取込（終結）";

    private ImportedPlans() {
    }

    /** The imported plan's id: the same for every delivery of the case's CaseImported. */
    static String planId(String caseId) {
        return UUID.nameUUIDFromBytes(("imported-plan|" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The events of the import for the case's plans: none when the list gives the case no plan, when the imported
     * plan is already there (a redelivery, or the plan since revised or closed through the API: the import is not
     * applied twice), or when the imported plan would run next to another running plan of its type (one running plan
     * per type; the plan the case has now stands).
     */
    static List<PlanEvent> decide(IntakeEvent.CaseImported imported, PlanState state) {
        ImportedStages stages = ImportedStages.of(imported);
        if (!stages.planned()) {
            return List.of();
        }
        String planId = planId(imported.caseId());
        if (state.plan(planId).isPresent()) {
            return List.of();
        }
        if (!stages.closed() && state.active().stream().anyMatch(p -> p.type() == imported.planType())) {
            return List.of();
        }
        Plan.Ref ref = new Plan.Ref(planId, imported.caseId(), imported.municipality(), imported.planType());
        List<Role> roles = imported.agencyId() == null ? List.of() : List.of(new Role(imported.agencyId(), null));
        Plan made = Plan.made(ref, null, new Plan.Version(1, imported.planMadeOn(), null, null, List.of(), List.of(),
                roles, null));
        List<PlanEvent> events = new ArrayList<>();
        events.add(new PlanEvent.Made(made, null));
        if (stages.closed()) {
            events.add(new PlanEvent.Closed(ref, imported.closedOn(), CLOSE_REASON));
        }
        return List.copyOf(events);
    }
}
