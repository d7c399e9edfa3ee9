package jp.tsunagu.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * planning-service as the signed-in person calls it: plans (支援プラン) with their versions, 再プラン and 終結, and
 * 参加支援 (resources, ranked suggestions, placements, follow-ups). Who may read or change a plan is planning's to
 * decide; a refusal comes back as its problem document.
 */
@RegisterRestClient(configKey = "planning")
@RegisterProvider(SignedInBearer.class)
@ClientHeaderParam(name = "Accept-Language", value = "ja")
@Produces(MediaType.APPLICATION_JSON)
public interface PlanningApi {

    /** A new plan: {@code {type, madeOn, wish?, wishTags?, goals?, roles?, reviewOn?, adoptedAtMeetingId?}}. */
    @POST
    @Path("/cases/{caseId}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(@PathParam("caseId") String caseId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                    JsonNode plan);

    /**
     * 世帯のプラン: one plan whose subjects are member cases: {@code {type, madeOn, adoptedAtMeetingId?, reviewOn?,
     * householdWish?, goals?, members: [{caseId, wish?, wishTags?, roles?}], householdRoles?}} → 201 the plan.
     */
    @POST
    @Path("/households/{householdId}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createForHousehold(@PathParam("householdId") String householdId,
                                @HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode plan);

    /** The plans covering any member of a household. */
    @GET
    @Path("/households/{householdId}/plans")
    Response ofHousehold(@PathParam("householdId") String householdId);

    /** The plans of a case the person may read (each with all its versions). */
    @GET
    @Path("/cases/{caseId}/plans")
    Response ofCase(@PathParam("caseId") String caseId);

    /** A plan with every version. */
    @GET
    @Path("/plans/{planId}")
    Response plan(@PathParam("planId") String planId);

    /** Active plans past their review date (coordinators); planning has no other list of all plans. */
    @GET
    @Path("/plans")
    Response overdue(@QueryParam("overdue") boolean overdue);

    /**
     * Details the current version does not have yet (wish, wishTags, goals, roles, reviewOn), not a 再プラン; a
     * detail already set is a 409.
     */
    @PUT
    @Path("/plans/{planId}/details")
    @Consumes(MediaType.APPLICATION_JSON)
    Response completeDetails(@PathParam("planId") String planId, JsonNode details);

    /**
     * 未記入の補完 of one member (subject) of a household's plan: {@code {wish?, wishTags?, roles?: [{agencyId,
     * responsibility}]}} → 200 {@code {planId, caseId, version, completed}}; not a 再プラン. 409 when a detail is set
     * already, 410 when the member's person was erased.
     */
    @PUT
    @Path("/plans/{planId}/subjects/{caseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response completeSubject(@PathParam("planId") String planId, @PathParam("caseId") String caseId,
                             JsonNode details);

    /** 再プラン: {@code {madeOn, reason, wish?, wishTags?, goals?, roles?, reviewOn?}}. */
    @POST
    @Path("/plans/{planId}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response revise(@PathParam("planId") String planId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                    JsonNode revision);

    /** 終結: {@code {closedOn, reason}}. */
    @POST
    @Path("/plans/{planId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    Response close(@PathParam("planId") String planId, JsonNode closure);

    /** Announce the plans due for review now (the same check runs daily). */
    @POST
    @Path("/plans/review-check")
    Response reviewCheck();

    /** The municipality's community resources (参加支援's catalog). */
    @GET
    @Path("/resources")
    Response resources();

    /** Resources ranked for a participation plan, each with its reasons. */
    @GET
    @Path("/plans/{planId}/suggestions")
    Response suggestions(@PathParam("planId") String planId);

    /** A participation plan's placements (resource by name), each with its follow-ups, oldest first. */
    @GET
    @Path("/plans/{planId}/placements")
    Response placements(@PathParam("planId") String planId);

    /** A placement: {@code {resourceId, placedOn}}; a full resource is a 409. */
    @POST
    @Path("/plans/{planId}/placements")
    @Consumes(MediaType.APPLICATION_JSON)
    Response place(@PathParam("planId") String planId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                   JsonNode placement);

    /** 定着支援: {@code {side: PERSON|HOST, on, note?}}. */
    @POST
    @Path("/placements/{placementId}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    Response followUp(@PathParam("placementId") String placementId,
                      @HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode followUp);

    /** planning-service's audit trail (coordinators); from/to are business dates YYYY-MM-DD. */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
}
