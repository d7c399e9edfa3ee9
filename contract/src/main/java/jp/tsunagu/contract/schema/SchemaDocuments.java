package jp.tsunagu.contract.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.MayBeNull;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents a portal developer reads instead of Java: one JSON Schema (2020-12) per event type and one AsyncAPI
 * 3.0 document of all topics ({@link AsyncApiDocument}). Derived from the records themselves, and a test fails when the committed copies under
 * {@code src/main/resources/schemas} differ, so they cannot drift.
 */
public final class SchemaDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A time of day as events write {@link LocalTime} (seconds only when not zero). */
    private static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";
    /** The ids an example shows, as real ones look; each distinct, so an example's subject names its one field. */
    static final String EXAMPLE_CASE_ID = "5f0c2a4e-6b1d-4c1e-9a57-2b1f0e8d7c31";
    private static final Map<String, String> EXAMPLE_VALUES = Map.of(
            "municipality", "402036",
            "caseId", EXAMPLE_CASE_ID,
            "caseNumber", "R6-000123",
            "meetingId", "m-3f9a1c2e5b7d4e6f",
            "householdId", "h-3f2a9c1e-7b4d-4e8a-9c3d-2f5e8a1b4c6d",
            "planId", "p-9c1e7b4d-3f2a-4e8a-9c3d-2f5e8a1b4c6d",
            "agencyId", "kurume-houkatsu-01");

    private SchemaDocuments() {
    }

    /** File name (under schemas/) to content, in a stable order. */
    public static Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        EventCatalog.all().forEach((type, c) -> files.put(type + ".schema.json", write(schema(type, c))));
        // records of an older version stay on the topics: readers keep finding their schema by ce_type
        EventCatalog.olderVersions().forEach((type, c) -> files.put(type + ".schema.json", write(schema(type, c))));
        files.put("asyncapi.json", write(AsyncApiDocument.build()));
        return files;
    }

    static ObjectNode schema(String type, Class<?> eventClass) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://tsunagu.jp/schemas/" + type + ".schema.json");
        schema.put("title", eventClass.getSimpleName());
        schema.put("description", "The data of CloudEvents type " + type + " (Kafka value, binary mode)");
        schema.setAll(objectSchema(eventClass));
        return schema;
    }

    /**
     * An event's record (and the records inside it) says truthfully what a real record holds: every component is
     * required and never null unless it is {@link MayBeNull}. The directory an event carries (an HSDS-like listing)
     * keeps its optional fields optional: there only primitives and lists are required.
     */
    static ObjectNode objectSchema(Class<?> record) {
        boolean strict = record.getPackageName().equals(TsunaguEvent.class.getPackageName());
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            MayBeNull mayBeNull = component.getAnnotation(MayBeNull.class);
            boolean nullable = strict ? mayBeNull != null
                    : !(component.getType().isPrimitive() || component.getType() == List.class);
            ObjectNode property = typeSchema(component.getGenericType(), nullable);
            if (mayBeNull != null) {
                property.put("description", (property.has("description")
                        ? property.get("description").asText() + ". " : "") + "Null when " + mayBeNull.value());
            }
            properties.set(component.getName(), property);
            if (!nullable) {
                required.add(component.getName());
            }
        }
        return node;
    }

    private static ObjectNode typeSchema(Type type, boolean nullable) {
        ObjectNode node = JSON.objectNode();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            node.put("type", "array");
            node.set("items", typeSchema(p.getActualTypeArguments()[0], false));
            return node;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            type(node, "string", nullable);
        } else if (c == int.class || c == long.class) {
            node.put("type", "integer");
        } else if (c == Integer.class || c == Long.class) {
            type(node, "integer", nullable);
        } else if (c == boolean.class) {
            node.put("type", "boolean");
        } else if (c == LocalDate.class) {
            type(node, "string", nullable);
            node.put("format", "date");
        } else if (c == Instant.class) {
            type(node, "string", nullable);
            node.put("format", "date-time");
        } else if (c == LocalTime.class) {
            // JSON Schema's "time" is RFC 3339's full-time with an offset; a meeting's time is Japan's wall clock
            type(node, "string", nullable);
            node.put("pattern", TIME_PATTERN);
            node.put("description", "HH:MM, Japan time");
        } else if (c.isEnum()) {
            ArrayNode values = node.putArray("enum");
            StringBuilder labels = new StringBuilder();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
                if (constant instanceof Coded coded) {
                    labels.append(labels.isEmpty() ? "" : ", ").append(coded.name()).append('=').append(coded.label());
                }
            }
            if (nullable) {
                values.addNull();
            }
            node.put("description", labels.toString());
        } else if (c.isRecord()) {
            ObjectNode object = objectSchema(c);
            object.put("title", c.getSimpleName());
            if (nullable) {
                object.putArray("type").add("object").add("null");
            }
            return object;
        } else {
            throw new IllegalStateException("no schema mapping for " + c);
        }
        return node;
    }

    private static void type(ObjectNode node, String type, boolean nullable) {
        if (nullable) {
            node.putArray("type").add(type).add("null");
        } else {
            node.put("type", type);
        }
    }

    /** A value that fits the schema (codes and dates as real ones look; each property given). */
    static com.fasterxml.jackson.databind.JsonNode exampleOf(ObjectNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        com.fasterxml.jackson.databind.JsonNode type = schema.get("type");
        String t = type == null ? "object" : type.isArray() ? type.get(0).asText() : type.asText();
        return switch (t) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                schema.path("properties").properties().forEach(e -> object.set(e.getKey(),
                        EXAMPLE_VALUES.containsKey(e.getKey()) ? JSON.textNode(EXAMPLE_VALUES.get(e.getKey()))
                                : exampleOf((ObjectNode) e.getValue())));
                yield object;
            }
            case "array" -> JSON.arrayNode().add(exampleOf((ObjectNode) schema.get("items")));
            case "integer" -> JSON.numberNode(1);
            case "boolean" -> JSON.booleanNode(false);
            default -> JSON.textNode("date".equals(schema.path("format").asText()) ? "2024-06-26"
                    : "date-time".equals(schema.path("format").asText()) ? "2024-06-26T05:12:30Z"
                    : TIME_PATTERN.equals(schema.path("pattern").asText()) ? "14:00" : "example");
        };
    }

    private static String write(ObjectNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
