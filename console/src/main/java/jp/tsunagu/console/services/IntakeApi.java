package jp.tsunagu.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service as the signed-in person calls it: her own access token, answers in Japanese. */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(SignedInBearer.class)
@ClientHeaderParam(name = "Accept-Language", value = "ja")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeApi {

    @POST
    @Path("/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    Response refer(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode referral);

    @GET
    @Path("/referrals")
    Response sentReferrals(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                           @QueryParam("cursor") String cursor);

    @GET
    @Path("/referrals/{caseId}")
    Response status(@PathParam("caseId") String caseId);

    @GET
    @Path("/referrals/{caseId}/person")
    Response person(@PathParam("caseId") String caseId);

    @GET
    @Path("/caseload")
    Response caseload(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                      @QueryParam("cursor") String cursor);

    /** The municipality's cases (coordinators); {@code withNames} adds the person's name, audited by intake. */
    @GET
    @Path("/cases")
    Response cases(@BeanParam CaseQuery query);

    /** 本人検索: kana (and birth date) in the body, never in a URL. */
    @POST
    @Path("/cases/search")
    @Consumes(MediaType.APPLICATION_JSON)
    Response search(JsonNode query);

    /** A case and its possible duplicate side by side (coordinators); names and birth dates audited by intake. */
    @GET
    @Path("/cases/{caseId}/duplicate")
    Response duplicate(@PathParam("caseId") String caseId, @QueryParam("withNames") Boolean withNames);

    /** {@code {decision: CONFIRM|DISMISS, of, reason?}}: the second referral joins the first, or they are two people. */
    @POST
    @Path("/cases/{caseId}/duplicate")
    @Consumes(MediaType.APPLICATION_JSON)
    Response decideDuplicate(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                             JsonNode decision);

    /** 世帯候補: other open cases intake found may be of this case's household (coordinators). */
    @GET
    @Path("/cases/{caseId}/household-suggestions")
    Response householdSuggestions(@PathParam("caseId") String caseId);

    /** 別世帯: {@code {reason}}; the suggestion is no longer offered. */
    @POST
    @Path("/cases/{caseId}/household-suggestions/{otherCaseId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    Response dismissHouseholdSuggestion(@PathParam("caseId") String caseId,
                                        @PathParam("otherCaseId") String otherCaseId, JsonNode dismissal);

    /** A new household of {@code {caseIds: [a, b]}}: 201 with the household's view. */
    @POST
    @Path("/households")
    @Consumes(MediaType.APPLICATION_JSON)
    Response makeHousehold(JsonNode caseIds);

    /** {@code {caseId}} joins the household: 200 with its view. */
    @POST
    @Path("/households/{householdId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    Response joinHousehold(@PathParam("householdId") String householdId, JsonNode member);

    /** 世帯から外す: {@code {reason}} (required by intake). */
    @POST
    @Path("/households/{householdId}/members/{caseId}/unlinking")
    @Consumes(MediaType.APPLICATION_JSON)
    Response unlinkFromHousehold(@PathParam("householdId") String householdId, @PathParam("caseId") String caseId,
                                 JsonNode unlinking);

    /** 世帯: members, agencies, plans, meetings and one timeline, each member's person as the reader may read it. */
    @GET
    @Path("/households/{householdId}")
    Response household(@PathParam("householdId") String householdId);

    /** The service's audit trail (coordinators; service-support's AuditResource), from/to YYYY-MM-DD. */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("from") String from, @QueryParam("to") String to);

    /**
     * 台帳取込 (coordinators): the file's bytes as they are, with what she chose; 202 with the job. Intake reads,
     * checks and imports; the console parses nothing.
     */
    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Response startImport(@QueryParam("mode") String mode, @QueryParam("skipBadRows") boolean skipBadRows,
                         @QueryParam("charset") String charset, @HeaderParam("X-File-Name") String fileName,
                         byte[] file);

    /** The municipality's imports, newest first (the audit, without problems). */
    @GET
    @Path("/imports")
    Response imports();

    /** One import: state, counts, what would be created, problems (the first 1000), possible duplicates. */
    @GET
    @Path("/imports/{importId}")
    Response importJob(@PathParam("importId") String importId);

    /** Every problem of an import as CSV (UTF-8 with a BOM), for Excel. */
    @GET
    @Path("/imports/{importId}/report.csv")
    @Produces("text/csv")
    Response importReport(@PathParam("importId") String importId);

    /** The sheet to fill in: {@code referrals.xlsx} or {@code referrals.csv}. */
    @GET
    @Path("/imports/templates/{file}")
    @Produces(MediaType.WILDCARD)
    Response importTemplate(@PathParam("file") String file);
}
