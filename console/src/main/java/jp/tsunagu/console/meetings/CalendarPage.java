package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.signin.Csrf;
import jp.tsunagu.console.view.FormErrors;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 会議: the municipality's calendar of meetings (to come and past, by month, regular and ad hoc, with when and where)
 * and, for coordinators, the regular series of a fiscal year from the city's calendar (an ad-hoc meeting is
 * {@link NewMeetingPage}'s). All from meeting-service, as the signed-in person.
 */
@Path("/{municipality}/meetings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CalendarPage {

    private final Template calendar;
    private final MeetingApi meetings;
    private final MeetingReads reads;
    private final ServiceCalls calls;
    private final Csrf csrf;
    private final ObjectMapper json;

    private final ConsoleClock clock;

    public CalendarPage(@Location("meetings/calendar.html") Template calendar,
                        @RestClient MeetingApi meetings,
                        MeetingReads reads, ServiceCalls calls, Csrf csrf, ObjectMapper json, ConsoleClock clock) {
        this.clock = clock;
        this.calendar = calendar;
        this.meetings = meetings;
        this.reads = reads;
        this.calls = calls;
        this.csrf = csrf;
        this.json = json;
    }

    @GET
    public TemplateInstance calendar(@PathParam("municipality") String municipality,
                                     @QueryParam("fiscalYear") String fiscalYear, @QueryParam("type") String type,
                                     @QueryParam("series") Integer series) {
        return page(municipality, year(fiscalYear), type, FormErrors.NONE).data("series", series);
    }

    /** 定例会議の一括設定: the fiscal year's regular meetings from the city's calendar (kept if already there). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scheduleYear(@PathParam("municipality") String municipality,
                                 MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst(Csrf.FIELD));
        String fiscalYear = MinutesForm.one(form, "fiscalYear");
        Answer answer = calls.call(Service.MEETING, () -> meetings.scheduleYear(
                json.createObjectNode().put("fiscalYear", fiscalYear)));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/" + municipality + "/meetings?fiscalYear=" + q(fiscalYear)
                    + "&series=" + answer.body().size())).build();
        }
        return Response.status(answer.status() == 403 ? 403 : 400).entity(page(municipality, year(fiscalYear), null,
                new FormErrors(answer.fieldErrors(), Map.of("fiscalYear", "年度")))).build();
    }

    private TemplateInstance page(String municipality, FiscalYear year, String type, FormErrors errors) {
        String t = type == null || Coded.parse(MeetingType.class, type).isEmpty() ? null : type;
        LocalDate today = clock.today();
        JsonNode list = calls.read(Service.MEETING, () -> meetings.meetings(year.start().toString(),
                year.end().toString(), t));
        CalendarMonths.Split split = CalendarMonths.of(list, today);
        FiscalYear current = FiscalYear.of(today);
        return calendar.data("m", municipality)
                .data("year", year.label()).data("yearLabel", year.japaneseLabel())
                .data("previousYear", new FiscalYear(year.year() - 1).label())
                .data("nextYear", year.next().label())
                .data("type", t)
                .data("types", Coded.labels(MeetingType.class))
                .data("upcoming", months(split.upcoming()))
                .data("past", months(split.past()))
                .data("count", list.size())
                .data("seriesYears", Map.of(current.label(), current.japaneseLabel(),
                        current.next().label(), current.next().japaneseLabel()))
                .data("seriesYearsOrder", List.of(current.label(), current.next().label()))
                .data("errors", errors)
                .data("series", null);
    }

    private List<Map<String, Object>> months(List<CalendarMonths.Month> months) {
        return months.stream().map(mo -> Map.<String, Object>of("label", mo.label(),
                "meetings", mo.meetings().stream().map(reads::tree).toList())).toList();
    }

    private FiscalYear year(String text) {
        try {
            return text == null || text.isBlank() ? clock.fiscalYear() : FiscalYear.parse(text);
        } catch (IllegalArgumentException e) {
            return clock.fiscalYear();
        }
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
