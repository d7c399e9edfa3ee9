package jp.tsunagu.contract.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents a portal developer reads instead of Java: one JSON Schema (2020-12) per event type and one AsyncAPI
 * 3.0 document of all topics. Derived from the records themselves, and a test fails when the committed copies under
 * {@code src/main/resources/schemas} differ, so they cannot drift.
 */
public final class SchemaDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Map<String, Class<? extends TsunaguEvent>> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put(Topics.INTAKE, IntakeEvent.class);
        TOPICS.put(Topics.ROUTING, RoutingEvent.class);
        TOPICS.put(Topics.MEETINGS, MeetingEvent.class);
        TOPICS.put(Topics.PLANS, PlanningEvent.class);
    }

    private SchemaDocuments() {
    }

    /** File name (under schemas/) to content, in a stable order. */
    public static Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        EventCatalog.all().forEach((type, c) -> files.put(type + ".schema.json", write(schema(type, c))));
        files.put("asyncapi.json", write(asyncApi()));
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

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), typeSchema(component.getGenericType()));
            if (component.getType().isPrimitive() || component.getType() == List.class) {
                required.add(component.getName());
            }
        }
        return node;
    }

    private static ObjectNode typeSchema(Type type) {
        ObjectNode node = JSON.objectNode();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            node.put("type", "array");
            node.set("items", typeSchema(p.getActualTypeArguments()[0]));
            return node;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            node.putArray("type").add("string").add("null");
        } else if (c == int.class || c == long.class) {
            node.put("type", "integer");
        } else if (c == Integer.class || c == Long.class) {
            node.putArray("type").add("integer").add("null");
        } else if (c == boolean.class) {
            node.put("type", "boolean");
        } else if (c == LocalDate.class) {
            node.putArray("type").add("string").add("null");
            node.put("format", "date");
        } else if (c == Instant.class) {
            node.putArray("type").add("string").add("null");
            node.put("format", "date-time");
        } else if (c.isEnum()) {
            ArrayNode values = node.putArray("enum");
            StringBuilder labels = new StringBuilder();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
                if (constant instanceof Coded coded) {
                    labels.append(labels.isEmpty() ? "" : ", ").append(coded.name()).append('=').append(coded.label());
                }
            }
            values.addNull();
            node.put("description", labels.toString());
        } else if (c.isRecord()) {
            ObjectNode object = objectSchema(c);
            object.put("title", c.getSimpleName());
            return object;
        } else {
            throw new IllegalStateException("no schema mapping for " + c);
        }
        return node;
    }

    static ObjectNode asyncApi() {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Tsunagu stage topics");
        info.put("version", "1.0.0");
        info.put("description", "Every stage writes one topic (single writer). Records: key = subject (case id), value = "
                + "event data as JSON, CloudEvents 1.0 attributes as ce_ headers (binary mode). Extension attributes: "
                + "businessdate (the day it happened, Asia/Tokyo; fiscal years follow it), causationid (the event or "
                + "request that caused it), municipality (全国地方公共団体コード). Personal fields exist only inside "
                + "ReferralReceived.personal, encrypted per case.");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", headersSchema());
        TOPICS.forEach((topic, topicType) -> {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            ObjectNode channelMessages = channel.putObject("messages");
            EventCatalog.all().forEach((type, c) -> {
                if (topicType.isAssignableFrom(c)) {
                    ObjectNode message = messages.putObject(c.getSimpleName());
                    message.put("name", type);
                    message.put("contentType", CloudEventCodec.CONTENT_TYPE);
                    message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
                    message.putObject("payload").put("$ref", type + ".schema.json");
                    channelMessages.putObject(c.getSimpleName()).put("$ref", "#/components/messages/" + c.getSimpleName());
                }
            });
            ObjectNode operation = operations.putObject("consume-" + topic);
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + topic);
        });
        return doc;
    }

    private static ObjectNode headersSchema() {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode p = node.putObject("properties");
        for (String h : List.of(CloudEventCodec.H_SPECVERSION, CloudEventCodec.H_ID, CloudEventCodec.H_SOURCE,
                CloudEventCodec.H_TYPE, CloudEventCodec.H_SUBJECT, CloudEventCodec.H_TIME,
                CloudEventCodec.H_BUSINESS_DATE, CloudEventCodec.H_CAUSATION_ID, CloudEventCodec.H_MUNICIPALITY,
                CloudEventCodec.H_CONTENT_TYPE)) {
            p.putObject(h).put("type", "string");
        }
        ((ObjectNode) p.get(CloudEventCodec.H_BUSINESS_DATE)).put("format", "date");
        ((ObjectNode) p.get(CloudEventCodec.H_TIME)).put("format", "date-time");
        ArrayNode required = node.putArray("required");
        List.of(CloudEventCodec.H_SPECVERSION, CloudEventCodec.H_ID, CloudEventCodec.H_SOURCE, CloudEventCodec.H_TYPE,
                CloudEventCodec.H_SUBJECT, CloudEventCodec.H_TIME, CloudEventCodec.H_BUSINESS_DATE,
                CloudEventCodec.H_MUNICIPALITY).forEach(required::add);
        return node;
    }

    private static String write(ObjectNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
