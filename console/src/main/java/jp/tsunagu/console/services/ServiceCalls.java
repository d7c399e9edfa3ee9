package jp.tsunagu.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Calls a service and reads its answer. A service that cannot be reached or answers 5xx is a
 * {@link ServiceUnavailable} naming it; when a page needs a success ({@link #read}), a 404 or 410 is
 * {@link NotVisible} and another refusal {@link Refused}; otherwise the answer is the page's to show.
 */
@ApplicationScoped
public class ServiceCalls {

    private final ObjectMapper json;

    public ServiceCalls(ObjectMapper json) {
        this.json = json;
    }

    /** Any answer but an outage. */
    public Answer call(Service service, Supplier<Response> call) {
        try (Response response = send(service, call)) {
            int status = response.getStatus();
            if (status >= 500) {
                throw new ServiceUnavailable(service, null);
            }
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Answer(status, text.isBlank() ? null : read(service, text));
        }
    }

    private static Response send(Service service, Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse(); // a refusal, should a default exception mapper still be on
        } catch (ProcessingException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    /** A success, or the exception a page shows for anything else. */
    public JsonNode read(Service service, Supplier<Response> call) {
        return success(call(service, call));
    }

    /** {@link #read}'s checks on an answer already had. */
    public JsonNode success(Answer answer) {
        if (answer.status() == 404 || answer.status() == 410) {
            throw new NotVisible();
        }
        if (!answer.ok()) {
            throw new Refused(answer.status());
        }
        return answer.body();
    }

    private JsonNode read(Service service, String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new ServiceUnavailable(service, e);
        }
    }
}
