package jp.tsunagu.console.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.SignedIn;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;

/**
 * ホーム of agency staff: what waits for her agency (answers due, overdue first), the cases it holds, and its notices (invitations,
 * plan reviews due, what became of its referrals). The sections reload when routing-service's inbox feed tells of a
 * notice, relayed to the browser as server-sent events; a part whose service is down says so and the rest shows.
 */
@Path("/{municipality}")
@Authenticated
public class HomePage {

    private static final int SHOWN = 10;

    private final Template home;
    private final IntakeApi intake;
    private final RoutingApi routing;
    private final ServiceCalls calls;
    private final ObjectMapper json;
    private final SignedIn staff;
    private final CoordinatorHome cityHome;

    private final ConsoleClock clock;

    public HomePage(@Location("home.html") Template home, @RestClient IntakeApi intake,
                    @RestClient RoutingApi routing, ServiceCalls calls, ObjectMapper json, SignedIn staff,
                    CoordinatorHome cityHome, ConsoleClock clock) {
        this.clock = clock;
        this.staff = staff;
        this.cityHome = cityHome;
        this.home = home;
        this.intake = intake;
        this.routing = routing;
        this.calls = calls;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home(@PathParam("municipality") String municipality) {
        if (!staff.isAgencyStaff()) {
            return cityHome.page(municipality, staff.isCoordinator());
        }
        return sections(home.instance(), municipality);
    }

    /** The sections alone, for the live reload. */
    @GET
    @Path("/home/sections")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance homeSections(@PathParam("municipality") String municipality) {
        return sections(home.getFragment("sections").instance(), municipality);
    }

    /**
     * One event per notice of her agency, carrying only its code: the page then asks for the sections with her own
     * session, so nothing about a case travels on this stream.
     */
    @GET
    @Path("/home/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> feed(@Context Sse sse) {
        Multi<OutboundSseEvent> notices = routing.feed()
                .map(e -> sse.newEventBuilder().name("notice").data(e.name() == null ? "notice" : e.name()).build())
                // routing's feed ended (a restart, a deploy): end this one too, so that the browser reconnects
                .onCompletion().failWith(() -> new ServiceUnavailable(Service.ROUTING, null));
        // a comment now and then keeps proxies from closing a quiet stream
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(25))
                .map(t -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(notices, keepAlive);
    }

    private TemplateInstance sections(TemplateInstance page, String municipality) {
        return page.data("m", municipality)
                .data("today", clock.today().toString())
                .data("awaiting", part(() -> calls.call(Service.ROUTING,
                        () -> routing.inbox("awaiting", "due", SHOWN, null))))
                .data("caseload", part(() -> calls.call(Service.INTAKE,
                        () -> intake.caseload(null, SHOWN, null))))
                .data("notices", part(() -> calls.call(Service.ROUTING,
                        () -> routing.notices(null, SHOWN, null))));
    }

    /** A section's items ({@code items} of a page), or why they are not shown. */
    private Section part(java.util.function.Supplier<Answer> call) {
        return Section.read(call, json, "items");
    }

    /** @param unavailable why the items are not shown, in Japanese; null when they came */
    @TemplateData
    public record Section(Object items, String unavailable) {

        /**
         * The items an answer holds ({@code field} of it, or the whole answer when null), or, in Japanese, why they
         * are not shown: not hers to see, refused, or the service unreachable (named); the rest of the page shows.
         */
        static Section read(java.util.function.Supplier<Answer> call, ObjectMapper json, String field) {
            try {
                Answer a = call.get();
                if (a.status() == 403) {
                    return new Section(null, "この欄を表示する権限がありません。");
                }
                if (!a.ok()) {
                    return new Section(null, "この欄は表示できませんでした。画面を読み込み直してください。");
                }
                JsonNode items = field == null ? a.body() : a.field(field);
                return new Section(json.convertValue(items == null ? json.createArrayNode() : items, Object.class),
                        null);
            } catch (ServiceUnavailable e) {
                return new Section(null, e.service().labelJa() + "に接続できないため表示できません。");
            }
        }
    }
}
