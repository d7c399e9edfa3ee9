package jp.tsunagu.intake.household;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /cases/{caseId}/household-suggestions}: "same household?" (世帯候補) for coordinators. */
@Path("/cases/{caseId}/household-suggestions")
@Tag(name = "Households", description = HouseholdResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdSuggestionResource {

    private final HouseholdSuggestions suggestions;
    private final CurrentCaller caller;

    public HouseholdSuggestionResource(HouseholdSuggestions suggestions, CurrentCaller caller) {
        this.suggestions = suggestions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "householdSuggestions", summary = "Cases that may be of the same household (世帯候補)",
            description = "Found when a referral was received, through keyed blind indexes only: a household member "
                    + "it names is another open case's person (kana and birth date, or kana and age), its person is "
                    + "a member named by another case, or the normalised address is the same. Open cases of the "
                    + "municipality, not dismissed, not already in the same household; one item per other case.")
    @APIResponse(responseCode = "200", description = "The suggestions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = HouseholdSuggestions.Suggestion.class), examples = @ExampleObject(name = "parent",
            value = """
            [{"caseId":"c0a8e3f2-1111-4e8a-9c3d-2f5e8a1b4c6d","caseNumber":"R8-000001","status":"ACCEPTED",
              "statusLabel":"受理","basis":"MEMBER_IS_PERSON","basisLabel":"世帯員の氏名・生年月日が一致",
              "householdId":null}]""")))
    @APIResponse(responseCode = "404", description = "No such case in your municipality")
    public Uni<Response> list(@PathParam("caseId") String caseId) {
        return suggestions.of(caller.get(), caseId)
                .map(list -> Response.ok(list).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{otherCaseId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "dismissHouseholdSuggestion", summary = "Not the same household (別世帯)",
            description = "The suggestion is no longer offered to either case; the reason stays in intake, sealed.")
    @APIResponse(responseCode = "204", description = "Dismissed")
    @APIResponse(responseCode = "404", description = "No such case, or no such suggestion")
    @APIResponse(responseCode = "422", description = "reason missing or blank")
    public Uni<Response> dismiss(@PathParam("caseId") String caseId, @PathParam("otherCaseId") String otherCaseId,
                                 @RequestBody(required = true, content = @Content(examples = @ExampleObject(
                                         name = "other family", value = """
                                         {"reason":"同姓同名の別世帯（住所が異なる）"}""")))
                                 HouseholdRequests.Reason request) {
        return suggestions.dismiss(caller.get(), caseId, otherCaseId, request == null ? null : request.reason())
                .map(v -> Response.noContent().build());
    }
}
