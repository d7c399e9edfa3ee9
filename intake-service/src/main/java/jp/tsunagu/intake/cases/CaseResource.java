package jp.tsunagu.intake.cases;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.contract.codes.BusinessDate;
import jp.tsunagu.intake.duplicate.DuplicateDecided;
import jp.tsunagu.intake.duplicate.DuplicateDecisions;
import jp.tsunagu.intake.duplicate.DuplicatePair;
import jp.tsunagu.intake.duplicate.DuplicateRequest;
import jp.tsunagu.intake.duplicate.DuplicateView;
import jp.tsunagu.intake.search.CaseSearch;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.audit.Audited;
import jp.tsunagu.support.page.Page;
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

import java.util.List;

@Path("/cases")
@Tag(name = "Cases", description = "The municipality's cases, for its coordinators (多機関協働事業)")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseList cases;
    private final CaseSearch search;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final CaseNames names;
    private final DuplicateDecisions decisions;
    private final DuplicateView duplicates;

    public CaseResource(CaseList cases, CaseSearch search, CurrentCaller caller, AuditTrail audit, CaseNames names,
                        DuplicateDecisions decisions, DuplicateView duplicates) {
        this.names = names;
        this.decisions = decisions;
        this.duplicates = duplicates;
        this.cases = cases;
        this.search = search;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "listCases", summary = "The municipality's cases",
            description = "Newest received first (or ?sort=changed: last changed first); no personal field. Pages "
                    + "follow ?cursor= from `next` or the Link header (rel=\"next\"). ?caseNumber=R8-000123 finds "
                    + "the case people name by its 受付番号. ?withNames=true adds each person's name and kana from the "
                    + "vault (coordinators only), and the read is recorded in the audit trail (GET /audit: action "
                    + "list-cases-with-names, detail {filter, caseIds}); without it the list holds no personal field.")
    @APIResponse(responseCode = "200", description = "A page of cases",
            headers = @Header(name = "Link", description = "<…?cursor=…>; rel=\"next\" when another page follows",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in errors)")
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    public Uni<Response> list(
            @Parameter(description = "RECEIVED, ROUTED, ACCEPTED, DECLINED, ESCALATED, IN_OUTREACH, IN_MEETING, "
                    + "PLAN_ACTIVE or CLOSED") @QueryParam("status") String status,
            @Parameter(description = "JUUSOU_SHIEN_KAIGI or SHIEN_KAIGI") @QueryParam("track") String track,
            @Parameter(description = "A field routing found (ELDERLY, DISABILITY, CHILD, POVERTY)")
            @QueryParam("field") String field,
            @Parameter(description = "A concern code") @QueryParam("concern") String concern,
            @Parameter(description = "An area of the municipality") @QueryParam("area") String area,
            @Parameter(description = "The referring agency's id") @QueryParam("referrer") String referrer,
            @Parameter(description = "The agency now responsible") @QueryParam("agency") String agency,
            @Parameter(description = "ROUTINE, URGENT or EMERGENCY") @QueryParam("urgency") String urgency,
            @Parameter(description = "true: only cases whose awaited answer is past its deadline")
            @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "Received on or after (YYYY-MM-DD)") @QueryParam("receivedFrom")
            String receivedFrom,
            @Parameter(description = "Received on or before (YYYY-MM-DD)") @QueryParam("receivedTo") String receivedTo,
            @Parameter(description = "Received in this fiscal year (2026, R8 or 令和8年度)") @QueryParam("fiscalYear")
            String fiscalYear,
            @Parameter(description = "received (default) or changed") @QueryParam("sort") String sort,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "From the previous page's `next`") @QueryParam("cursor") String cursor,
            @Parameter(description = "The case with this 受付番号 (R8-000123; full-width digits are read too)",
                    example = "R8-000123") @QueryParam("caseNumber") String caseNumber,
            @Parameter(description = "true: each item with the person's name and nameKana (audited)")
            @QueryParam("withNames") Boolean withNames,
            @Context UriInfo uri) {
        CaseList.Query query = new CaseList.Query(status, track, field, concern, area, referrer, agency, urgency,
                overdue, receivedFrom, receivedTo, fiscalYear, sort, limit, cursor, caseNumber);
        Uni<Page<CaseList.Item>> page = cases.page(caller.get(), query, BusinessDate.today());
        if (Boolean.TRUE.equals(withNames)) {
            page = page.chain(p -> names.named(caller.get(), CaseNames.LIST_ACTION, query.given(), p.items())
                    .map(named -> new Page<>(named, p.next())));
        }
        return page.map(p -> p.response(uri));
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(operationId = "searchCases", summary = "Find a person's cases by kana (and birth date)",
            description = "Matches the normalised kana (hiragana or katakana, full or half width, spaces, 長音 written "
                    + "either way: イチロー = イチロウ, トール = トオル, ケーコ = ケイコ; ヂ = ジ, ヅ = ズ) through a keyed "
                    + "blind index: the database holds no searchable name. The family name alone finds the person "
                    + "(ヤマダ finds ヤマダ タロウ, when the referral wrote a space between family and given name). "
                    + "birthDate is read as a referral's is: YYYY-MM-DD or 和暦 (昭和17年3月5日, S17.3.5, R1.5.1). The "
                    + "name goes in the body, never in a URL; every search is in the audit trail (without the name).")
    @APIResponse(responseCode = "200", description = "The municipality's cases of that person, newest first; with "
            + "\"withNames\": true each with the person's name and nameKana (the audit entry lists the case ids)")
    @APIResponse(responseCode = "400", description = "No kana, kanji or letters instead of kana (ふりがな（ひらがな・"
            + "カタカナ）で入力してください with Accept-Language: ja), or a bad birth date (named in errors)")
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    @Audited(value = "search-person", resource = "cases/{municipality}")
    public Uni<CaseSearch.Result> search(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = {@ExampleObject(name = "byKanaAndBirthDate",
            summary = "In hiragana; it finds the katakana the case was registered with", value = """
                    {"nameKana":"くるめ たろう","birthDate":"1974-03-10"}"""), @ExampleObject(name = "bySurnameAndWareki",
            summary = "The family name alone and a 和暦 birth date", value = """
                    {"nameKana":"くるめ","birthDate":"昭和49年3月10日"}""")})) CaseSearch.Request request) {
        return audit.around(caller.get(), "search-person", "cases/" + caller.get().municipality(),
                CaseSearch::auditDetail, search.search(caller.get(), request, BusinessDate.today()));
    }

    @POST
    @Path("/{caseId}/duplicate")
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
    @Path("/{caseId}/duplicate")
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
                        duplicates.pair(caller.get(), caseId, of, named, BusinessDate.today()))
                .map(pair -> Response.ok(pair).header("Cache-Control", "no-store").build());
    }

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "CasePage")
    public record CasePage(List<CaseList.Item> items,
                           @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }
}
