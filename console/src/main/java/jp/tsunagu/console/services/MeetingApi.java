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
 * meeting-service as the signed-in person calls it: the calendar, a meeting with its agenda and meeting pack, the
 * minutes, their corrections (訂正) and versions, the printed 議事録. Who may see a meeting (a 支援会議's material is
 * for its members and coordinators only) and what minutes may record is meeting-service's to decide.
 */
@RegisterRestClient(configKey = "meeting")
@RegisterProvider(SignedInBearer.class)
@ClientHeaderParam(name = "Accept-Language", value = "ja")
@Produces(MediaType.APPLICATION_JSON)
public interface MeetingApi {

    /** The municipality's meetings between two dates (YYYY-MM-DD), no agenda or minutes. */
    @GET
    @Path("/meetings")
    Response meetings(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("type") String type);

    /** An ad-hoc meeting: {@code {type, scheduledOn, startsAt, endsAt?, place, members?, cases?}}. */
    @POST
    @Path("/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    Response schedule(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode meeting);

    /** A fiscal year's regular meetings from the city's calendar: {@code {fiscalYear: "R8"}}. */
    @POST
    @Path("/meetings/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    Response scheduleYear(JsonNode fiscalYear);

    /** The meeting with its agenda (each case's meeting pack) and, once held, its minutes; 404 to non-members. */
    @GET
    @Path("/meetings/{meetingId}")
    Response meeting(@PathParam("meetingId") String meetingId);

    /** The 議事録 as meeting-service prints it (A4, Japanese). */
    @GET
    @Path("/meetings/{meetingId}")
    @Produces(MediaType.TEXT_HTML)
    Response print(@PathParam("meetingId") String meetingId);

    /** The agencies invited: {@code {members: [agencyId, …]}}. */
    @PUT
    @Path("/meetings/{meetingId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    Response members(@PathParam("meetingId") String meetingId, JsonNode members);

    @POST
    @Path("/meetings/{meetingId}/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response minutes(@PathParam("meetingId") String meetingId, JsonNode minutes);

    /** 訂正: {@code {reason, …what changes}}. */
    @POST
    @Path("/meetings/{meetingId}/minutes/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response amend(@PathParam("meetingId") String meetingId, JsonNode amendment);

    @GET
    @Path("/meetings/{meetingId}/minutes/versions")
    Response versions(@PathParam("meetingId") String meetingId);

    /** The coordinator chooses the meeting that discusses a waiting case: {@code {meetingId}}. */
    @PUT
    @Path("/cases/{caseId}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    Response chooseMeeting(@PathParam("caseId") String caseId, JsonNode meeting);

    /**
     * 世帯: every member case waiting for a review onto one meeting as ONE household item: {@code {meetingId}} →
     * the member cases put on it; 409 {@code household-nothing-waiting} when no member waits, 404 unknown household.
     */
    @PUT
    @Path("/households/{householdId}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    Response chooseMeetingForHousehold(@PathParam("householdId") String householdId, JsonNode meeting);

    /** The cases waiting for a review (those with no meeting first); {@code track} a meeting type or none. */
    @GET
    @Path("/agenda/waiting")
    Response waiting(@QueryParam("track") String track);

    /** The service's audit trail (coordinators; service-support's AuditResource), from/to YYYY-MM-DD. */
    @GET
    @Path("/audit")
    Response audit(@QueryParam("from") String from, @QueryParam("to") String to);
}
