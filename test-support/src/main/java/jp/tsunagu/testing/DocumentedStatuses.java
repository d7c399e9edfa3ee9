package jp.tsunagu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every answer a service gives in its tests is one its OpenAPI document lists for that operation: a RestAssured filter
 * (registered for every {@code @QuarkusTest} by {@link TsunaguTestResources}) looks each response up in the document
 * the service serves and fails the call that got an undocumented status, naming the operation and the status. What
 * the tests observed is the truth the document is held to.
 */
public final class DocumentedStatuses implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/")) {
            return answer;
        }
        JsonNode doc = DOCUMENTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), DocumentedStatuses::load);
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String template = template(doc, uri.getPath(), method);
        if (template == null) {
            return answer; // not an operation of the document (a static page, a switched-off benchmark endpoint)
        }
        JsonNode responses = doc.path("paths").path(template).path(method).path("responses");
        String status = Integer.toString(answer.getStatusCode());
        if (!responses.has(status) && !responses.has("default")) {
            String finding = method.toUpperCase(Locale.ROOT) + " " + template + " answered " + status
                    + ", which its OpenAPI document does not list (it lists " + names(responses) + ")";
            if (REPORTED.add(finding)) {
                try {
                    Files.writeString(Path.of("target", "undocumented-statuses.txt"), finding + "\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (Boolean.parseBoolean(System.getProperty("tsunagu.openapi.strict", "true"))) {
                throw new AssertionError(finding);
            }
        }
        return answer;
    }

    private static String names(JsonNode responses) {
        StringBuilder sb = new StringBuilder();
        responses.fieldNames().forEachRemaining(n -> sb.append(sb.isEmpty() ? "" : ", ").append(n));
        return sb.toString();
    }

    /** The document's path template the request's path fits, literal segments before parameters. */
    static String template(JsonNode doc, String path, String method) {
        String best = null;
        int bestParams = Integer.MAX_VALUE;
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (!doc.path("paths").path(candidate).has(method)) {
                continue;
            }
            String regex = "^" + Pattern.quote(candidate).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "/?$";
            if (Pattern.compile(regex).matcher(path).matches()) {
                int params = candidate.split("\\{", -1).length - 1;
                if (params < bestParams) {
                    best = candidate;
                    bestParams = params;
                }
            }
        }
        return best;
    }

    private static JsonNode load(String origin) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + origin, e);
        }
    }
}
