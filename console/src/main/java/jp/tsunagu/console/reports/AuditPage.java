package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.ReportingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.view.FormErrors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * 監査記録 (coordinators): who read personal data or confidential meeting material, and the refused attempts, as
 * every service keeps them ({@code GET /audit?from=&to=}), read together by time, each entry naming its service.
 * A service that does not answer is named; the others still show.
 */
@Path("/{municipality}/reports/audit")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    /** Days shown unless she chooses: this week. */
    static final int DEFAULT_DAYS = 7;

    private final Template page;
    private final ServiceCalls calls;
    private final Map<Service, BiFunction<String, String, Response>> trails =
            new EnumMap<>(Service.class);

    private final ConsoleClock clock;

    public AuditPage(@Location("reports/audit.html") Template page, ServiceCalls calls,
                     @RestClient IntakeApi intake, @RestClient RoutingApi routing,
                     @RestClient MeetingApi meeting, @RestClient PlanningApi planning,
                     @RestClient ReportingApi reporting, ConsoleClock clock) {
        this.clock = clock;
        this.page = page;
        this.calls = calls;
        trails.put(Service.INTAKE, intake::audit);
        trails.put(Service.ROUTING, routing::audit);
        trails.put(Service.MEETING, meeting::audit);
        trails.put(Service.PLANNING, planning::audit);
        trails.put(Service.REPORTING, reporting::audit);
    }

    @GET
    public Response audit(@PathParam("municipality") String municipality, @QueryParam("from") String from,
                          @QueryParam("to") String to) {
        LocalDate today = clock.today();
        String f = from == null || from.isBlank() ? today.minusDays(DEFAULT_DAYS - 1).toString() : from.strip();
        String t = to == null || to.isBlank() ? today.toString() : to.strip();
        Map<Service, JsonNode> read = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<Service, BiFunction<String, String, Response>> trail : trails.entrySet()) {
            Supplier<Response> call = () -> trail.getValue().apply(f, t);
            Answer answer;
            try {
                answer = calls.call(trail.getKey(), call);
            } catch (ServiceUnavailable e) {
                unavailable.add(trail.getKey().labelJa());
                continue;
            }
            if (answer.status() == 400) {
                errors.putAll(answer.fieldErrors()); // the dates: every service reads them alike
                break;
            }
            if (!answer.ok()) {
                throw new Refused(answer.status()); // 403: not hers to read, whichever service says it
            }
            read.put(trail.getKey(), answer.body());
        }
        return Response.status(errors.isEmpty() ? 200 : 400)
                .entity(page.data("m", municipality).data("tab", "audit")
                        .data("from", f).data("to", t)
                        .data("errors", new FormErrors(errors, Map.of("from", "開始日", "to", "終了日")))
                        .data("unavailable", unavailable)
                        .data("trail", errors.isEmpty() ? AuditLines.merge(read) : null))
                .build();
    }
}
