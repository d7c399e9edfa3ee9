package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.console.web.Ids;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 重複の確認: a case and the one intake found it may duplicate, side by side with names and birth dates (each such
 * read audited by intake), and the coordinator's decision: the same person (the second referral joins the first
 * case's history) or two people, with a reason. What may be decided is intake's ({@code DuplicateRules}).
 */
@Path("/{municipality}/cases/{caseId}/duplicate")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DuplicatePage {

    static final Map<String, String> LABELS = Map.of("decision", "判断", "reason", "理由", "of", "相手の案件");

    private final Template page;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;

    public DuplicatePage(@Location("duplicate.html") Template page, @RestClient IntakeApi intake, ServiceCalls calls,
                         Csrf csrf, ObjectMapper json) {
        this.page = page;
        this.intake = intake;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    @GET
    public Response show(@PathParam("municipality") String municipality, @PathParam("caseId") String caseId,
                         @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        Ids.requireCase(caseId);
        if (Ids.fromAnotherSite(fetchSite)) {
            // names are an audited read in her name: never made by another site's link
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId)).build();
        }
        return Response.ok(view(municipality, caseId, FormErrors.NONE, "")).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("municipality") String municipality, @PathParam("caseId") String caseId,
                           MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        Ids.requireCase(caseId);
        String decision = form.getFirst("decision");
        String of = form.getFirst("of");
        String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason").strip();
        String key = form.getFirst("idempotencyKey");
        ObjectNode body = json.createObjectNode().put("decision", decision).put("of", of);
        if (!reason.isEmpty()) {
            body.put("reason", reason);
        }
        Answer answer = calls.call(Service.INTAKE, () -> intake.decideDuplicate(caseId,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key, body));
        if (answer.status() == 404) {
            throw new NotVisible();
        }
        if (answer.ok()) {
            // joined: the first case now holds both referrals' history; two people: back to this case
            String shown = "CONFIRM".equals(decision) && of != null ? of : caseId;
            Ids.requireCase(shown);
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + shown + "?duplicate=" + decision))
                    .build();
        }
        return Response.status(answer.status() == 409 ? 409 : 400)
                .entity(view(municipality, caseId, new FormErrors(answer.fieldErrors(), LABELS), reason)).build();
    }

    private TemplateInstance view(String municipality, String caseId, FormErrors errors, String reason) {
        Answer answer = calls.call(Service.INTAKE, () -> intake.duplicate(caseId, true));
        // a case with no possible duplicate (and none decided) is a 404 of intake: the page says so
        Object pair = answer.ok() ? json.convertValue(answer.body(), Object.class)
                : answer.status() == 404 ? Map.of("cases", List.of()) : null;
        if (pair == null) {
            throw new Refused(answer.status());
        }
        return page.data("m", municipality).data("caseId", caseId)
                .data("pair", pair).data("errors", errors).data("reason", reason)
                .data("idempotencyKey", UUID.randomUUID().toString());
    }
}
