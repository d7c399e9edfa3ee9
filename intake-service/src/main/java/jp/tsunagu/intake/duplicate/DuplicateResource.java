package jp.tsunagu.intake.duplicate;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.intake.cases.CaseResource;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /cases/{caseId}/duplicate}: a coordinator compares a case with its possible duplicate and decides. */
@Path("/cases/{caseId}/duplicate")
@Tag(name = "Cases", description = CaseResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class DuplicateResource {

    private final DuplicateDecisions decisions;
    private final DuplicateView duplicates;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public DuplicateResource(DuplicateDecisions decisions, DuplicateView duplicates, CurrentCaller caller,
                             AuditTrail audit, BusinessClock clock) {
        this.decisions = decisions;
        this.duplicates = duplicates;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "decideDuplicate", summary = "Confirm or dismiss a possible duplicate (重複の確認)",
            description = "CONFIRM: the case's person is the person of `of`; the event "
                    + "jp.tsunagu.intake.duplicate-confirmed.v1 closes this case as a duplicate (history: 同一人物の"
                    + "案件に統合) and adds its referral to the history of `of` (here and in reporting's GET "
                    + "/cases/{caseId}/history). A joined case is decided for good (409 after), and a case with a "
                    + "plan running is not joined (409: close the plan first). DISMISS: another person "
                    + "(jp.tsunagu.intake.duplicate-dismissed.v1); a reason is required and, like any reason, stays in "
                    + "intake sealed with the case's data key, never on the log. Idempotency-Key optional: the same "
                    + "key and body answer the first decision again (200).")
    @APIResponse(responseCode = "201", description = "Decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DuplicateDecided.class)))
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the decision recorded earlier")
    @APIResponse(responseCode = "400", description = "decision, of or reason invalid (named in errors)")
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    @APIResponse(responseCode = "404", description = "No such case in your municipality")
    @APIResponse(responseCode = "409", description = "Already joined to a case, the other case joined to a third, a "
            + "plan running, or the same Idempotency-Key still being processed")
    @APIResponse(responseCode = "410", description = "A reason about a person already erased")
    public Uni<Response> decideDuplicate(@PathParam("caseId") String caseId,
                                         @HeaderParam("Idempotency-Key") String idempotencyKey,
                                         @RequestBody(required = true, content = @Content(
                                                 mediaType = MediaType.APPLICATION_JSON, examples = {
                                                 @ExampleObject(name = "dismiss",
                                                         summary = "Another person (the kana and birth date matched)",
                                                         value = """
                                                         {"decision":"DISMISS","of":"7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d",
                                                          "reason":"生年月日と住所が異なる（同姓同名の別人）"}"""),
                                                 @ExampleObject(name = "confirm", summary = "The same person after "
                                                         + "all (a dismissal may be followed by a confirmation, never "
                                                         + "the other way round)", value = """
                                                         {"decision":"CONFIRM","of":"7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d"}""")}))
                                         DuplicateRequest request) {
        return decisions.decide(caller.get(), caseId, idempotencyKey, request)
                .map(outcome -> Response.status(outcome.replayed() ? 200 : 201).entity(outcome.response()).build());
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "readDuplicate", summary = "A case and its possible duplicate side by side",
            description = "Both cases' list items (受付番号, received date, agencies with their names, concerns, "
                    + "status, the latest decision) and the decision with its reason. ?withNames=true adds each "
                    + "person's name, kana and birth date. Every read is in the audit trail (read-duplicate, detail: "
                    + "the two case ids and whether names were read).")
    @APIResponse(responseCode = "200", description = "The two cases (never cached)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DuplicatePair.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    @APIResponse(responseCode = "404", description = "No such case, or it has no possible duplicate and no ?of=")
    @Audited(value = "read-duplicate", resource = "case/{caseId}")
    public Uni<Response> duplicate(@PathParam("caseId") String caseId,
                                   @Parameter(description = "The other case (default: the one last decided about, "
                                           + "else possibleDuplicateOf)") @QueryParam("of") String of,
                                   @Parameter(description = "true: names, kana and birth dates of both")
                                   @QueryParam("withNames") Boolean withNames) {
        boolean named = Boolean.TRUE.equals(withNames);
        return audit.around(caller.get(), "read-duplicate", "case/" + caseId,
                        pair -> "{\"caseIds\":[\"" + pair.caseId() + "\",\"" + pair.of() + "\"],\"withNames\":"
                                + named + "}",
                        duplicates.pair(caller.get(), caseId, of, named, clock.today()))
                .map(pair -> Response.ok(pair).header("Cache-Control", "no-store").build());
    }
}
