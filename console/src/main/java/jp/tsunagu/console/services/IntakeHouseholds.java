package jp.tsunagu.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's household view (世帯) as the meeting and plan forms read it: who the members are (受付番号, who
 * coordinates each, the person only where the reader may read her). Intake decides who may read a household (a
 * reader who may follow no member gets 404) and audits the read.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(SignedInBearer.class)
@ClientHeaderParam(name = "Accept-Language", value = "ja")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeHouseholds {

    /** HouseholdView: {@code {householdId, label, members: [{caseId, caseNumber, status, personVisible, …}], …}}. */
    @GET
    @Path("/households/{householdId}")
    Response household(@PathParam("householdId") String householdId);
}
