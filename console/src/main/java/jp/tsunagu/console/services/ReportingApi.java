package jp.tsunagu.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reporting-service as the signed-in person calls it: the year table, the figures, a case's history, replays and the
 * audit trail. Which of them a coordinator or an analyst may read is reporting's to decide.
 */
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(SignedInBearer.class)
@ClientHeaderParam(name = "Accept-Language", value = "ja")
@Produces(MediaType.APPLICATION_JSON)
public interface ReportingApi {

    /** The year table (seed 000) for fiscal years from..to ({@code 2024} or {@code R6}; default the current one). */
    @GET
    @Path("/reports/fiscal-years")
    Response fiscalYears(@QueryParam("from") String from, @QueryParam("to") String to);

    /** The same table as CSV for Excel: UTF-8 with a BOM and reporting's Content-Disposition. */
    @GET
    @Path("/reports/fiscal-years")
    @Produces("text/csv")
    Response fiscalYearsCsv(@QueryParam("from") String from, @QueryParam("to") String to);

    /** Referral, routing and timing figures and cases by stage, with the Japanese labels of their codes. */
    @GET
    @Path("/reports/cases")
    Response caseFigures(@QueryParam("fiscalYear") String fiscalYear);

    /** The figures as the portal publishes them (small counts as "*"). */
    @GET
    @Path("/reports/portal")
    Response portalFigures(@QueryParam("fiscalYear") String fiscalYear);

    /** Every event of a case in causal order, up to {@code asOf} (YYYY-MM-DD) when given (coordinators). */
    @GET
    @Path("/cases/{caseId}/history")
    Response history(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf);

    /** Start a replay of her municipality: {@code {casesHandled?, made?}} (other definitions to report). */
    @POST
    @Path("/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    Response startReplay(JsonNode definitions);

    /** Her municipality's replays, newest first. */
    @GET
    @Path("/replays")
    Response replays();

    /** A replay's progress and, when done, its comparison. */
    @GET
    @Path("/replays/{replayId}")
    Response replay(@PathParam("replayId") String replayId);

    /** reporting-service's audit trail (coordinators); from/to are business dates YYYY-MM-DD. */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
}
