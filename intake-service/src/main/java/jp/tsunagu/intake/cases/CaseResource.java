package jp.tsunagu.intake.cases;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.contract.codes.BusinessDate;
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

    public CaseResource(CaseList cases, CaseSearch search, CurrentCaller caller, AuditTrail audit, CaseNames names) {
        this.names = names;
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

    /** The page's schema for the OpenAPI document. */
    @Schema(name = "CasePage")
    public record CasePage(List<CaseList.Item> items,
                           @Schema(description = "The next page's cursor; absent on the last page") String next) {
    }
}
