package jp.tsunagu.support.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.contract.schema.AsyncApiBundle;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /q/asyncapi}: the AsyncAPI document of the topics, beside {@code /q/openapi} and like it without a token
 * (it holds no data). Every service serves the whole document, the same in all five: a portal reads several topics,
 * and each channel's description names its single writer, so one address per service would only split what belongs
 * together.
 */
@Path("/q/asyncapi")
public class AsyncApiResource {

    /**
     * @param format accepted as {@code /q/openapi} takes it ({@code ?format=json}); the document is JSON only
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // a description of the topics, not an operation of this service's API
    public String document(@QueryParam("format") String format) {
        return AsyncApiBundle.json();
    }
}
