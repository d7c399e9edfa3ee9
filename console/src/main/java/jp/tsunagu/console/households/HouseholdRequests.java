package jp.tsunagu.console.households;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies of intake's household operations from what a coordinator sent. Which operation links two cases follows
 * from where they already are; whether the link is allowed (two municipalities, a case already elsewhere) is
 * intake's to say, so a reason left empty is sent empty and intake names the field.
 */
public final class HouseholdRequests {

    private HouseholdRequests() {
    }

    /** A case as the form names it, and the household it is in (null when none). */
    public record Side(String caseId, String householdId) {
        boolean inHousehold() {
            return householdId != null && !householdId.isBlank();
        }
    }

    /**
     * 同じ世帯として登録: {@code POST /households/{householdId}/members} when {@code householdId} is set (one of the two
     * is already in a household, the other joins it), else {@code POST /households} with both cases.
     */
    public record Link(String householdId, ObjectNode body) {
        public boolean joins() {
            return householdId != null;
        }
    }

    /**
     * The other case's household first (the suggestion offers この世帯に追加), then this case's; two cases in
     * households already go as a join, which intake refuses naming the household the case is in (409).
     */
    public static Link link(ObjectMapper json, Side self, Side other) {
        if (other.inHousehold()) {
            return new Link(other.householdId(), json.createObjectNode().put("caseId", self.caseId()));
        }
        if (self.inHousehold()) {
            return new Link(self.householdId(), json.createObjectNode().put("caseId", other.caseId()));
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("caseIds").add(self.caseId()).add(other.caseId());
        return new Link(null, body);
    }

    /** {@code {reason}} of 別世帯 or 世帯から外す, left out when nothing was typed (intake says whether it must be). */
    public static ObjectNode reason(ObjectMapper json, String typed) {
        ObjectNode body = json.createObjectNode();
        if (typed != null && !typed.isBlank()) {
            body.put("reason", typed.strip());
        }
        return body;
    }
}
