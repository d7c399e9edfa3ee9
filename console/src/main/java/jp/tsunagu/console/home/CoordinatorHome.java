package jp.tsunagu.console.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.CaseQuery;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.function.Supplier;

/**
 * ホーム of city staff (coordinators, analysts, meeting members): what needs them today, each part from the service
 * that decides it (overdue answers from intake, plans past their review date from planning); a part whose service is
 * down or not hers to see says so and the rest shows.
 */
@ApplicationScoped
public class CoordinatorHome {

    private static final int SHOWN = 10;

    private final Template home;
    private final IntakeApi intake;
    private final PlanningApi planning;
    private final ServiceCalls calls;
    private final ObjectMapper json;

    private final ConsoleClock clock;

    public CoordinatorHome(@Location("home-city.html") Template home, @RestClient IntakeApi intake,
                           @RestClient PlanningApi planning, ServiceCalls calls, ObjectMapper json,
                           ConsoleClock clock) {
        this.clock = clock;
        this.home = home;
        this.intake = intake;
        this.planning = planning;
        this.calls = calls;
        this.json = json;
    }

    TemplateInstance page(String municipality, boolean coordinator) {
        TemplateInstance page = home.data("m", municipality).data("today", clock.today().toString());
        if (!coordinator) {
            return page;
        }
        return page
                .data("overdue", part(Service.INTAKE, () -> intake.cases(CaseQuery.overdue(SHOWN)), "items"))
                .data("review", part(Service.PLANNING, () -> planning.overdue(true), null));
    }

    /** The items of one part, or why it is not shown (as the agency's ホーム says it). */
    private HomePage.Section part(Service service, Supplier<jakarta.ws.rs.core.Response> call, String field) {
        return HomePage.Section.read(() -> calls.call(service, call), json, field);
    }
}
