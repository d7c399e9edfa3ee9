package jp.tsunagu.support.openapi;

import jp.tsunagu.support.problem.Problem;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service's OpenAPI document says what its errors look like and when they come: one {@code Problem} schema
 * (RFC 9457 with the {@code errors[]} of a validation), referenced by every 4xx and 5xx answer as
 * {@code application/problem+json}, and the answers every operation can give documented on each: 400 (bad input,
 * and an unknown query parameter even where it takes none), 401/403 when it is secured, 404 with a path parameter,
 * 413/415 with a body, 429 (the per-caller limit on authenticated calls), 500 and 503; the server, the city's
 * address ({@code tsunagu.openapi.server-url}); and the Japanese label of every code ({@link CodeLabels}). Registered
 * with {@code mp.openapi.filter} for every service (service-support's microprofile-config.properties).
 */
public class ProblemResponses implements OASFilter {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String REF = "#/components/schemas/Problem";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Invalid input: every bad field named in errors[] (codes, dates, lengths, types), and "
                    + "every query parameter the operation does not take"),
            Map.entry("401", "No valid bearer token"),
            Map.entry("403", "The token's role, agency or municipality may not do this"),
            Map.entry("404", "Not found, or not the caller's to see (another city's or agency's)"),
            Map.entry("409", "The resource's state forbids it"),
            Map.entry("410", "Erased for good"),
            Map.entry("413", "The body is larger than the service accepts"),
            Map.entry("415", "Not JSON, or JSON not encoded as UTF-8"),
            Map.entry("429", "Too many requests from this caller; Retry-After says when to try again"),
            Map.entry("500", "Unexpected error: the body carries only an error id to quote"),
            Map.entry("503", "A dependency (Kafka, the database, or the identity provider whose keys this service has not "
                    + "fetched yet) is unavailable; Retry-After says when to try again"));

    static final String NO_PARAMETERS = "A query parameter was sent: this operation takes none (each is named in "
            + "errors[] with the message \"unknown query parameter\")";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        components.addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field of a request")
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The JSON path of the field, e.g. person.age or household[0].relation"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("What is wrong and what is accepted (Japanese with Accept-Language: ja)"))
                .required(List.of("field", "message")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; title, detail and messages in Japanese when "
                        + "Accept-Language asks for it, type and status never change")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("A stable code, e.g. /problems/validation, /problems/minutes-exist"))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))
                        .maxItems(Problem.MAX_ERRORS)
                        .description("The invalid fields, at most the first " + Problem.MAX_ERRORS))
                .addProperty("moreErrors", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .minimum(BigDecimal.ONE)
                        .description("How many more fields are invalid than errors[] lists (absent when it lists "
                                + "them all): an answer never grows with the request"))
                .required(List.of("type", "title", "status")));
        CodeLabels.describe(components);
        openAPI.setComponents(components);
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null) {
            openAPI.getInfo().getLicense().setIdentifier("LicenseRef-Tsunagu");
        }
        // the address is the city's (tsunagu.openapi.server-url), by default the local run's
        Config config = ConfigProvider.getConfig();
        String address = config.getOptionalValue("tsunagu.openapi.server-url", String.class).orElse("http://127.0.0.1:"
                + config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080));
        openAPI.setServers(List.of(OASFactory.createServer().url("{origin}")
                .description("The city's address of this service")
                .variables(Map.of("origin", OASFactory.createServerVariable().defaultValue(address)
                        .description("scheme, host and port (tsunagu.openapi.server-url)")))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, op) ->
                document(path, method, op)));
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.getOperations() == null ? Map.of() : new LinkedHashMap<>(item.getOperations());
    }

    private static void document(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        boolean body = op.getRequestBody() != null;
        boolean input = body || (op.getParameters() != null && !op.getParameters().isEmpty());
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        // a query parameter the operation does not take is refused even where it takes none (UnknownQueryParams)
        if (input) {
            add(responses, "400");
        } else if (responses.getAPIResponse("400") == null) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse().description(NO_PARAMETERS));
        }
        if (secured) {
            add(responses, "401");
            add(responses, "403");
            add(responses, "429");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (body) {
            add(responses, "413");
            add(responses, "415");
        }
        add(responses, "500");
        add(responses, "503");
        // every error answer, whoever declared it, is a problem document
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problemContent(response);
            }
        });
        op.setResponses(responses);
    }

    private static void add(APIResponses responses, String code) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        }
    }

    private static void problemContent(APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("An error, as a problem document");
        }
        Content content = OASFactory.createContent().addMediaType(MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        response.setContent(content);
    }
}
