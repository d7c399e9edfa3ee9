package jp.tsunagu.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The AsyncAPI document as the services serve it ({@code GET /q/asyncapi}): the committed {@code schemas/asyncapi.json}
 * with each payload's JSON Schema file put in place of its relative {@code $ref}, so the one answer is the whole
 * contract (a reference relative to {@code /q/asyncapi} would point at nothing).
 */
public final class AsyncApiBundle {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile String json;

    private AsyncApiBundle() {
    }

    /** The bundled document (read once from the contract's resources). */
    public static String json() {
        String j = json;
        if (j == null) {
            try {
                j = MAPPER.writeValueAsString(bundle());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            json = j;
        }
        return j;
    }

    static ObjectNode bundle() {
        ObjectNode doc = (ObjectNode) read("asyncapi.json");
        doc.path("components").path("messages").forEach(message -> {
            JsonNode ref = message.path("payload").path("$ref");
            if (ref.isTextual() && ref.asText().endsWith(".schema.json")) {
                ObjectNode schema = (ObjectNode) read(ref.asText());
                // its own identity and dialect mark a file; inside the document the schema is the payload's
                schema.remove("$schema");
                schema.remove("$id");
                ((ObjectNode) message).set("payload", schema);
            }
        });
        return doc;
    }

    private static JsonNode read(String file) {
        try (InputStream in = AsyncApiBundle.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no schemas/" + file + " in the contract's resources");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
