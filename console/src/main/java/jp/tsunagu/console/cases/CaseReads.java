package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.CatchUp;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.NotYetRecorded;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A case as intake and routing show it to her. Intake learns routing's steps from the event log a moment after
 * routing shows them (a case in her inbox, her acceptance), so where routing is ahead the page waits for intake
 * ({@link CatchUp}) rather than tell her she may not see what she was just sent.
 */
@ApplicationScoped
public class CaseReads {

    /** intake's status of a case an agency has accepted (a code of its API). */
    private static final String ACCEPTED = "ACCEPTED";

    private final IntakeApi intake;
    private final RoutingApi routing;
    private final ServiceCalls calls;
    private final CatchUp catchUp;

    public CaseReads(@RestClient IntakeApi intake, @RestClient RoutingApi routing, ServiceCalls calls,
                     CatchUp catchUp) {
        this.intake = intake;
        this.routing = routing;
        this.calls = calls;
        this.catchUp = catchUp;
    }

    /**
     * intake's status and routing's view ({@code null} when routing shows her none (404, 403): it shows the referrer,
     * the agency the case went to and coordinators). {@link NotVisible} when neither service shows her the case;
     * {@link NotYetRecorded} when routing does and intake still does not after the wait.
     */
    public Read read(String caseId) {
        Answer routed = null;
        Answer status = status(caseId);
        if (status.status() == 404) {
            routed = calls.call(Service.ROUTING, () -> routing.routing(caseId));
            if (!routed.ok()) {
                throw new NotVisible();
            }
            status = catchUp.until(() -> status(caseId), a -> a.status() != 404);
            if (status.status() == 404) {
                throw new NotYetRecorded();
            }
        }
        JsonNode recorded = calls.success(status);
        if (routed == null) {
            routed = calls.call(Service.ROUTING, () -> routing.routing(caseId));
        }
        if (routed.ok()) {
            return new Read(recorded, routed.body());
        }
        if (routed.status() != 404 && routed.status() != 403) {
            calls.success(routed); // a refusal of another kind (401, 429) is said, not an answer form quietly left out
        }
        return new Read(recorded, null);
    }

    /**
     * After routing took her acceptance: until intake has it too, so that the case page and the person she reads
     * next are intake's current view. Best effort: an outage of intake is the next page's to say.
     */
    public void awaitAcceptance(String caseId) {
        try {
            catchUp.until(() -> status(caseId), a -> a.ok() && ACCEPTED.equals(a.field("status").asText()));
        } catch (ServiceUnavailable e) {
            // routing has recorded the acceptance; the case page she is sent to names intake's outage
        }
    }

    private Answer status(String caseId) {
        return calls.call(Service.INTAKE, () -> intake.status(caseId));
    }

    /** intake's status of the case, and routing's view of it or null. */
    public record Read(JsonNode status, JsonNode routing) {
    }
}
