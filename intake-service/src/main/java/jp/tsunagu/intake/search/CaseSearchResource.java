package jp.tsunagu.intake.search;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /cases/search}: a coordinator finds a person's cases by kana, through {@link CaseSearch}. */
@Path("/cases/search")
@Tag(name = "Cases", description = CaseResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class CaseSearchResource {

    private final CaseSearch search;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final BusinessClock clock;

    public CaseSearchResource(CaseSearch search, CurrentCaller caller, AuditTrail audit, BusinessClock clock) {
        this.search = search;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
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
                CaseSearch::auditDetail, search.search(caller.get(), request, clock.today()));
    }
}
