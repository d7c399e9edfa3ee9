package jp.tsunagu.console.refer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.Urgency;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 紹介する: the referral form, sent to intake-service as the signed-in worker. */
@Path("/{municipality}/refer")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReferralPage {

    /** The inputs' labels as the page shows them, for the error summary. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("receivedOn", "受付日"),
            Map.entry("channel", "相談の経路"), Map.entry("person.name", "氏名"), Map.entry("person.nameKana", "ふりがな"),
            Map.entry("person.birthDate", "生年月日"), Map.entry("person.age", "年齢"),
            Map.entry("person.area", "地区"), Map.entry("person.phone", "電話番号"),
            Map.entry("person.address", "住所"), Map.entry("concerns", "本人の課題"),
            Map.entry("household", "世帯の状況"), Map.entry("household.relation", "続柄"),
            Map.entry("household.age", "年齢"), Map.entry("household.name", "氏名"),
            Map.entry("household.nameKana", "フリガナ"), Map.entry("household.birthDate", "生年月日"),
            Map.entry("household.concerns", "課題"),
            Map.entry("consent", "本人の同意"), Map.entry("urgency", "緊急度"), Map.entry("summary", "相談の概要"),
            Map.entry("hardToReach", "連絡が取れない"));

    private final Template refer;
    private final IntakeApi intake;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final Municipalities municipalities;
    private final ObjectMapper json;

    private final ConsoleClock clock;

    public ReferralPage(@Location("refer.html") Template refer, @RestClient IntakeApi intake, ServiceCalls calls,
                        Csrf csrf, Municipalities municipalities, ObjectMapper json, ConsoleClock clock) {
        this.clock = clock;
        this.refer = refer;
        this.intake = intake;
        this.calls = calls;
        this.csrf = csrf;
        this.municipalities = municipalities;
        this.json = json;
    }

    @GET
    public TemplateInstance form(@PathParam("municipality") String municipality) {
        ReferralForm blank = ReferralForm.blank(UUID.randomUUID().toString(), clock.today().toString());
        return page(municipality, blank, FormErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("municipality") String municipality, MultivaluedMap<String, String> fields) {
        csrf.check(fields.getFirst(Csrf.FIELD));
        ReferralForm form = ReferralForm.from(fields);
        Answer answer;
        try {
            answer = calls.call(Service.INTAKE, () -> intake.refer(form.idempotencyKey(), form.toRequest(json)));
        } catch (ServiceUnavailable e) {
            // nothing typed is lost: the form comes back with its values and the same key
            return Response.status(503).entity(page(municipality, form, FormErrors.NONE, e.service())).build();
        }
        if (answer.ok()) {
            String caseId = answer.field("caseId").asText();
            return Response.seeOther(URI.create("/" + municipality + "/cases/" + caseId + "?sent=1")).build();
        }
        if (answer.status() == 409 || answer.status() == 422) {
            // the key was used: by this same referral still being recorded, or sent before with other values
            return Response.status(answer.status()).entity(page(municipality, form, new FormErrors(Map.of("",
                    "この紹介は、すでに受け付けられている可能性があります。二重の登録を防ぐため、内容を変えての再送信は"
                            + "できません。自機関の紹介一覧で確かめてください。")), null)).build();
        }
        return Response.status(400)
                .entity(page(municipality, form, new FormErrors(form.onForm(answer.fieldErrors()), LABELS), null))
                .build();
    }

    private TemplateInstance page(String municipality, ReferralForm form, FormErrors errors,
                                  Service unavailable) {
        List<String> areas = municipalities.of(municipality).map(d -> d.areas()).orElse(List.of());
        return refer.data("form", form)
                .data("errors", errors)
                .data("unavailable", unavailable == null ? null : unavailable.labelJa())
                .data("areas", areas)
                .data("concerns", Coded.labels(Concern.class))
                .data("relations", Coded.labels(Relation.class))
                .data("channels", Coded.labels(Channel.class))
                .data("consents", Coded.labels(Consent.class))
                .data("urgencies", Coded.labels(Urgency.class))
                .data("m", municipality);
    }
}
