package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.intake.person.PersonDetails;
import jp.tsunagu.intake.person.PersonView;
import jp.tsunagu.intake.status.CaseStatusView;
import jp.tsunagu.intake.status.ReferralList;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/referrals")
@Tag(name = "Referrals", description = "相談の受付: referrals from partner agencies and their status")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final ReferralService service;
    private final ReferralTransactions transactions;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final PersonDetails persons;
    private final ReferralList referrals;
    private final AgencyDirectories directories;
    private final BusinessClock clock;

    public ReferralResource(ReferralService service, ReferralTransactions transactions, CurrentCaller caller,
                            AuditTrail audit, PersonDetails persons, ReferralList referrals,
                            AgencyDirectories directories, BusinessClock clock) {
        this.clock = clock;
        this.referrals = referrals;
        this.directories = directories;
        this.service = service;
        this.transactions = transactions;
        this.caller = caller;
        this.audit = audit;
        this.persons = persons;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(summary = "Refer a case", description = "Accepts any consultation. Answers 201 only once the event is "
            + "durably in the log; a repeat with the same Idempotency-Key and body answers 200 with the same case. "
            + "The case gets its 受付番号 (caseNumber, R<令和 year>-<running number>, one sequence per municipality "
            + "and fiscal year of receivedOn): unique, but a referral that failed may leave a gap.")
    @APIResponse(responseCode = "201", description = "Case created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferralCreated.class),
                    examples = @ExampleObject(name = "received", value = """
                            {"caseId":"7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d","caseNumber":"R6-000123",
                             "status":"RECEIVED","receivedOn":"2024-06-03"}""")))
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the case created earlier",
            content = @Content(schema = @Schema(implementation = ReferralCreated.class)))
    @APIResponse(responseCode = "400", description = "Invalid field(s), named in errors; or no Idempotency-Key")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed "
            + "(retry shortly), or the person's data of its case was erased")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "503", description = "The log did not acknowledge; retry with the same key")
    public Uni<Response> refer(
            @Parameter(description = "1-255 printable ASCII characters; the same key always names the same case",
                    required = true) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "eightyFifty", summary = "8050: a recluse son and his mother with dementia",
                            value = """
                                    {"channel":"AGENCY",
                                     "person":{"name":"久留米 太郎","nameKana":"クルメ タロウ","birthDate":"1974-03-10",
                                               "area":"荒木"},
                                     "household":[{"relation":"PARENT","name":"久留米 ハナ","nameKana":"クルメ ハナ",
                                                   "birthDate":"昭和17年5月1日","concerns":["DEMENTIA"]}],
                                     "concerns":["HIKIKOMORI","EIGHTY_FIFTY"],"consent":"GIVEN","urgency":"ROUTINE",
                                     "summary":"母の年金で暮らし、10年以上ほとんど外出していない"}"""),
                    @ExampleObject(name = "asAnOfficeWritesIt", summary = "A phone consultation as an office writes "
                            + "it: the birth date in 和暦, the phone in full-width digits", value = """
                                    {"channel":"PHONE",
                                     "person":{"name":"筑後 花子","birthDate":"昭和19年4月2日",
                                               "phone":"０９０−１２３４−５６７８","area":"善導寺"},
                                     "concerns":["ELDER_CARE","POVERTY"],"consent":"UNKNOWN","urgency":"URGENT"}""")}))
            ReferralRequest request) {
        return service.submit(caller.get(), idempotencyKey, request).map(outcome -> {
            ReferralCreated created = outcome.response();
            return Response.status(outcome.replayed() ? 200 : 201)
                    .location(URI.create("/referrals/" + created.caseId()))
                    .entity(created).build();
        });
    }

    @GET
    @RolesAllowed(Roles.AGENCY)
    @Operation(operationId = "listReferrals", summary = "The referrals your agency made",
            description = "Newest received first, with their status and last change; no personal field. Pages "
                    + "follow ?cursor= from `next` or the Link header (rel=\"next\"). ?changedSince= asks what "
                    + "changed since a time (a query parameter the operation does not take is a 400).")
    @APIResponse(responseCode = "200", description = "A page of your referrals",
            headers = @Header(name = "Link", description = "<…?cursor=…>; rel=\"next\" when another page follows",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ReferralPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in the problem)")
    public Uni<Response> list(@BeanParam ReferralQuery query, @Context UriInfo uri) {
        return referrals.page(caller.get(), query.toList()).map(page -> page.response(uri));
    }

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "ReferralPage")
    public record ReferralPage(List<ReferralList.Item> items,
                               @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(summary = "The case's closed-loop status", description = "Built from the events of every stage. "
            + "Agencies see cases they referred and those in their caseload (GET /caseload: routed to them, "
            + "accepted by them, or with a role for them in one of the case's plans); anything else is 404.")
    @Audited(value = "read-referral", resource = "case/{caseId}")
    public Uni<CaseStatusView> status(@PathParam("caseId") String caseId) {
        String municipality = caller.get().municipality();
        return audit.around(caller.get(), "read-referral", "case/" + caseId,
                transactions.visibleCase(caller.get(), caseId)).map(view -> view.named(
                        id -> directories.agencyName(municipality, id).orElse(id)));
    }

    @GET
    @Path("/{caseId}/person")
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(operationId = "readPerson", summary = "The person's details, for those who must contact them",
            description = "Name, kana, birth date, age, address, phone, summary and household, to: the referring "
                    + "agency; the agency that accepted the case and agencies with a role in its plan, when the "
                    + "person's consent is GIVEN; coordinators of the municipality. Every read, allowed or refused, "
                    + "is in the audit trail.")
    @APIResponse(responseCode = "200", description = "The person's details (never cached)",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "404", description = "No case whose person you may read under this id (a case you "
            + "may not read is not distinguished from one that does not exist)")
    @APIResponse(responseCode = "410", description = "The person's data was erased")
    @Audited(value = "read-person", resource = "case/{caseId}")
    public Uni<Response> person(@PathParam("caseId") String caseId) {
        return audit.around(caller.get(), "read-person", "case/" + caseId,
                        persons.read(caller.get(), caseId, clock.today()))
                .map(view -> Response.ok(view).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{caseId}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY, Roles.COORDINATOR})
    @Operation(summary = "Record consent obtained or withdrawn later",
            description = "Moves the case between the 支援会議 and 重層的支援会議 tracks.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentRecordedResponse.class),
            examples = @ExampleObject(name = "given", value = """
                    {"caseId":"7d1c2a4e-0b6f-4e8a-9c3d-2f5e8a1b4c6d","consent":"GIVEN","recordedOn":"2024-06-03"}""")))
    @APIResponse(responseCode = "200", description = "Idempotent repeat: the consent recorded earlier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentRecordedResponse.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed, "
            + "or the person's data was erased")
    public Uni<Response> consent(@PathParam("caseId") String caseId,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @RequestBody(required = true, content = @Content(
                                         mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                                         name = "given", summary = "Consent given on a visit", value = """
                                                 {"consent":"GIVEN","recordedOn":"2024-06-03"}""")))
                                 ConsentRequest request) {
        return service.recordConsent(caller.get(), caseId, idempotencyKey, request)
                .map(outcome -> Response.status(outcome.replayed() ? 200 : 201).entity(outcome.response()).build());
    }
}
