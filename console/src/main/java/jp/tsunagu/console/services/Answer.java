package jp.tsunagu.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** A service's answer: its status and JSON body (a problem document when it refused). */
public record Answer(int status, JsonNode body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode field(String name) {
        return body == null ? MissingNode.getInstance() : body.path(name);
    }

    /**
     * The problem's messages by field ({@code person.name}, {@code household[0].age}, …) as the service wrote them
     * in Japanese; a refusal naming no field is under {@code ""}.
     */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body != null) {
            for (JsonNode e : body.path("errors")) {
                errors.merge(e.path("field").asText(""), e.path("message").asText(""), (a, b) -> a + "／" + b);
            }
            if (errors.isEmpty() && !ok()) {
                errors.put("", body.path("detail").asText(body.path("title").asText("")));
            }
        }
        return errors;
    }
}
