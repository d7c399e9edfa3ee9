package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.console.households.HouseholdIds;
import jp.tsunagu.console.households.HouseholdRequests;
import jp.tsunagu.console.households.HouseholdRequests.Side;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.SignedIn;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.console.web.Ids;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;

/**
 * The case page's 世帯: what it shows (the case's household, intake's suggestions to coordinators) and its three
 * forms sent to intake (同じ世帯として登録, 別世帯, 世帯から外す). What may be linked is intake's to say.
 */
@ApplicationScoped
public class CaseHousehold {

    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final ObjectMapper json;
    private final SignedIn staff;

    public CaseHousehold(@RestClient IntakeApi intake, ServiceCalls calls, ObjectMapper json, SignedIn staff) {
        this.intake = intake;
        this.calls = calls;
        this.json = json;
        this.staff = staff;
    }

    /** What a form asked of intake: its answer, and the household the case is now in (for the page to go to). */
    record Done(Answer answer, String householdId) {
    }

    /** The section for a case whose status intake answered; suggestions are read for coordinators only. */
    HouseholdSection section(String caseId, JsonNode status, HouseholdSection.Sent sent) {
        String householdId = status.path("householdId").asText(null);
        JsonNode suggestions = MissingNode.getInstance();
        if (staff.isCoordinator()) {
            Answer answer = calls.call(Service.INTAKE, () -> intake.householdSuggestions(caseId));
            // no suggestions to show is no reason to withhold the case page
            suggestions = answer.ok() ? answer.body() : MissingNode.getInstance();
        }
        return HouseholdSection.of(json, HouseholdIds.valid(householdId) ? householdId : null,
                suggestions == null ? MissingNode.getInstance() : suggestions, sent);
    }

    /** 同じ世帯として登録: a new household of both, or the one already in a household is joined by the other. */
    Done link(String caseId, MultivaluedMap<String, String> form) {
        String other = form.getFirst("other");
        Ids.requireCase(other);
        HouseholdRequests.Link link = HouseholdRequests.link(json,
                new Side(caseId, household(form.getFirst("householdId"))),
                new Side(other, household(form.getFirst("otherHouseholdId"))));
        Answer answer = calls.call(Service.INTAKE, () -> link.joins()
                ? intake.joinHousehold(link.householdId(), link.body()) : intake.makeHousehold(link.body()));
        String householdId = answer.ok() ? answer.field("householdId").asText(link.householdId()) : null;
        return new Done(answer, HouseholdIds.valid(householdId) ? householdId : null);
    }

    /** 別世帯: the suggestion is no longer offered. */
    Done dismiss(String caseId, MultivaluedMap<String, String> form) {
        String other = form.getFirst("other");
        Ids.requireCase(other);
        Answer answer = calls.call(Service.INTAKE, () -> intake.dismissHouseholdSuggestion(caseId, other,
                HouseholdRequests.reason(json, form.getFirst("reason"))));
        return new Done(answer, null);
    }

    /** 世帯から外す: the case leaves its household; the reason stays in intake. */
    Done unlink(String caseId, MultivaluedMap<String, String> form) {
        String householdId = form.getFirst("householdId");
        HouseholdIds.require(householdId);
        Answer answer = calls.call(Service.INTAKE, () -> intake.unlinkFromHousehold(householdId, caseId,
                HouseholdRequests.reason(json, form.getFirst("reason"))));
        return new Done(answer, householdId);
    }

    /** What a refused form shows: intake's messages beside its fields and what she typed. */
    static HouseholdSection.Sent refused(String action, MultivaluedMap<String, String> form, Answer answer) {
        String reason = form.getFirst("reason");
        FormErrors errors = new FormErrors(answer.fieldErrors(), HouseholdSection.LABELS);
        if (!errors.any()) {
            // a refusal without a problem document (401, 403, 429) is still said
            errors = new FormErrors(Map.of("", "記録できませんでした（" + answer.status() + "）。"));
        }
        if ("link".equals(action)) {
            // the link form has no input to point to: its messages are said as they are, with their labels
            errors = new FormErrors(Map.of("", String.join("／", errors.links().stream()
                    .map(FormErrors.Link::message).toList())));
        }
        return new HouseholdSection.Sent(action, "unlinking".equals(action) ? null : form.getFirst("other"),
                errors, reason == null ? "" : reason);
    }

    /** A household id the form carried, or none (a value that is no id is sent as none: intake then decides). */
    private static String household(String value) {
        return HouseholdIds.valid(value) ? value : null;
    }
}
