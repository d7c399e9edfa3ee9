package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.clock.ConsoleClock;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.ReportingApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Municipalities;
import jp.tsunagu.contract.codes.FiscalYear;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;

/**
 * 集計 (coordinators and analysts, as reporting lets them): the fiscal-year table on screen and as CSV for Excel,
 * and the year's figures (referrals, routing, timing, cases by stage). Every figure is reporting's.
 */
@Path("/{municipality}/reports")
@Authenticated
public class ReportPage {

    private final Template years;
    private final Template figures;
    private final ReportingApi reporting;
    private final ServiceCalls calls;
    private final Municipalities municipalities;

    private final ConsoleClock clock;

    public ReportPage(@Location("reports/years.html") Template years, @Location("reports/figures.html") Template figures,
                      @RestClient ReportingApi reporting, ServiceCalls calls, Municipalities municipalities,
                      ConsoleClock clock) {
        this.clock = clock;
        this.years = years;
        this.figures = figures;
        this.reporting = reporting;
        this.calls = calls;
        this.municipalities = municipalities;
    }

    /** 年度別の実績: the table for the years chosen (the current and three before it unless she chooses). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance yearTable(@PathParam("municipality") String municipality, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        FiscalYear current = clock.fiscalYear();
        FiscalYear[] span = FiscalYears.span(from, to, current);
        JsonNode answer = calls.read(Service.REPORTING, () -> reporting.fiscalYears(String.valueOf(span[0].year()),
                String.valueOf(span[1].year())));
        return years.data("m", municipality).data("tab", "years")
                .data("table", YearTable.of(answer))
                .data("households", HouseholdFigures.rows(answer))
                .data("choices", FiscalYears.offered(current))
                .data("from", span[0].year()).data("to", span[1].year());
    }

    /** The same table as reporting writes it for Excel (UTF-8 with its BOM), saved under a Japanese name. */
    @GET
    @Path("/fiscal-years.csv")
    @Produces("text/csv")
    public Response yearTableCsv(@PathParam("municipality") String municipality, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        FiscalYear[] span = FiscalYears.span(from, to, clock.fiscalYear());
        byte[] csv;
        String disposition;
        try (Response answer = csvOf(span)) {
            int status = answer.getStatus();
            if (status >= 500) {
                throw new ServiceUnavailable(Service.REPORTING, null);
            }
            if (status == 404) {
                throw new NotVisible();
            }
            if (status >= 300) {
                throw new Refused(status);
            }
            csv = answer.readEntity(byte[].class);
            disposition = answer.getHeaderString("Content-Disposition");
        }
        // the Japanese name needs the municipality's name and the years' labels, which the JSON table gives
        YearTable.Table names = YearTable.of(calls.read(Service.REPORTING, () -> reporting.fiscalYears(
                String.valueOf(span[0].year()), String.valueOf(span[1].year()))));
        List<String> labels = new ArrayList<>(names.years());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", CsvFileName.contentDisposition(disposition, names.municipalityName(),
                        labels))
                .build();
    }

    private Response csvOf(FiscalYear[] span) {
        try {
            return reporting.fiscalYearsCsv(String.valueOf(span[0].year()), String.valueOf(span[1].year()));
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new ServiceUnavailable(Service.REPORTING, e);
        }
    }

    /** The year's figures: referrals by channel, urgency, concern and field; routing by agency; timings; stages. */
    @GET
    @Path("/figures")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance figures(@PathParam("municipality") String municipality,
                                    @QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear current = clock.fiscalYear();
        FiscalYear year = FiscalYears.read(fiscalYear).orElse(current);
        JsonNode answer = calls.read(Service.REPORTING, () -> reporting.caseFigures(String.valueOf(year.year())));
        return figures.data("m", municipality).data("tab", "figures")
                .data("f", Figures.of(answer, id -> municipalities.agencyName(municipality, id)))
                .data("households", HouseholdFigures.of(answer.path("year"), answer.path("labels").path("households")))
                .data("choices", FiscalYears.offered(current))
                .data("year", year.year());
    }
}
