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
import jp.tsunagu.contract.events.MayBeNull;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
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
 * 3.0 document of all topics. Derived from the records themselves, and a test fails when the committed copies under
 * {@code src/main/resources/schemas} differ, so they cannot drift.
 */
public final class SchemaDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A time of day as events write {@link LocalTime} (seconds only when not zero). */
    private static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";
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
        // records of an older version stay on the topics: readers keep finding their schema by ce_type
        EventCatalog.olderVersions().forEach((type, c) -> files.put(type + ".schema.json", write(schema(type, c))));
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

    /**
     * An event's record (and the records inside it) says truthfully what a real record holds: every component is
     * required and never null unless it is {@link MayBeNull}. The directory an event carries (an HSDS-like listing)
     * keeps its optional fields optional: there only primitives and lists are required.
     */
    private static ObjectNode objectSchema(Class<?> record) {
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

    static final String BINDING_VERSION = "0.5.0";

    static ObjectNode asyncApi() {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Tsunagu stage topics");
        info.put("version", "1.0.0");
        info.put("description", "Every stage writes one topic (single writer). Records: key = subject (the case id; "
                + "the meeting id or the municipality for events not about one case), value = event data as JSON, "
                + "CloudEvents 1.0 attributes as ce_ headers (binary mode; ce_type names the message). Extension "
                + "attributes: businessdate (the day it happened, Asia/Tokyo; fiscal years follow it), causationid "
                + "(the event or request that caused it), municipality (全国地方公共団体コード). Personal fields exist "
                + "only inside ReferralReceived.personal, encrypted per case. A consumer reads a topic from offset 0 "
                + "to rebuild everything (retention is unlimited); records it cannot read go to the dead-letter "
                + "topic with the reason, never skipped in silence.");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "127.0.0.1:9092");
        local.put("protocol", "kafka");
        local.put("description", "The broker ./tsunagu up starts: loopback only, no TLS, no authentication");
        ObjectNode city = servers.putObject("city");
        city.put("host", "{bootstrap}");
        city.put("protocol", "kafka-secure");
        city.put("description", "A city's cluster: TLS, and SASL/SCRAM-SHA-512 with a user per consumer whose ACLs "
                + "allow reading the stage topics (a portal gets read access and its own consumer group, nothing "
                + "else)");
        city.putObject("variables").putObject("bootstrap").put("default", "kafka.tsunagu.internal:9093")
                .put("description", "The city's bootstrap servers (kafka.bootstrap.servers)");
        city.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("scram").put("type", "scramSha512")
                .put("description", "SASL/SCRAM-SHA-512 over TLS; the city's Kafka administrators issue the user");
        schemas.set("CloudEventHeaders", headersSchema());
        TOPICS.forEach((topic, topicType) -> {
            ObjectNode channel = channel(channels, topic, "The " + topicType.getSimpleName() + " events, one partition "
                    + "order per subject");
            ObjectNode channelMessages = channel.putObject("messages");
            EventCatalog.all().forEach((type, c) -> {
                if (topicType.isAssignableFrom(c)) {
                    messages.set(c.getSimpleName(), message(type, c));
                    channelMessages.putObject(c.getSimpleName()).put("$ref", "#/components/messages/" + c.getSimpleName());
                }
            });
            // types no longer written stay on the permanent topic: a reader from offset 0 meets them
            EventCatalog.olderVersions().forEach((type, c) -> {
                if (c.getEnclosingClass() == topicType) {
                    messages.set(c.getSimpleName(), olderMessage(type, c));
                    channelMessages.putObject(c.getSimpleName()).put("$ref", "#/components/messages/" + c.getSimpleName());
                }
            });
            receive(operations, topic);
        });
        ObjectNode deadLetters = channel(channels, Topics.DEAD_LETTER, "Records a consumer could not read or apply, "
                + "as they came, with why: the original key, value and headers plus dead-letter-* headers");
        deadLetters.putObject("messages").putObject("DeadLetter").put("$ref", "#/components/messages/DeadLetter");
        messages.set("DeadLetter", deadLetter());
        receive(operations, Topics.DEAD_LETTER);
        return doc;
    }

    private static ObjectNode channel(ObjectNode channels, String topic, String description) {
        ObjectNode channel = channels.putObject(topic);
        channel.put("address", topic);
        channel.put("description", description);
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("topic", topic);
        kafka.putObject("topicConfiguration").put("retention.ms", -1).putArray("cleanup.policy").add("delete");
        kafka.put("bindingVersion", BINDING_VERSION);
        return channel;
    }

    private static void receive(ObjectNode operations, String topic) {
        ObjectNode operation = operations.putObject("consume-" + topic);
        operation.put("action", "receive");
        operation.putObject("channel").put("$ref", "#/channels/" + topic);
    }

    private static ObjectNode message(String type, Class<?> c) {
        ObjectNode message = JSON.objectNode();
        message.put("name", type);
        message.put("title", c.getSimpleName());
        message.put("contentType", CloudEventCodec.CONTENT_TYPE);
        ObjectNode headers = message.putObject("headers");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        ObjectNode ceType = allOf.addObject();
        ceType.put("type", "object");
        ceType.putObject("properties").putObject(CloudEventCodec.H_TYPE).put("const", type);
        message.putObject("payload").put("$ref", type + ".schema.json");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "The event's subject (ce_subject): the "
                + "case id, so a case's events keep their order in one partition");
        kafka.put("bindingVersion", BINDING_VERSION);
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", c.getSimpleName());
        ObjectNode exampleHeaders = example.putObject("headers");
        exampleHeaders.put(CloudEventCodec.H_SPECVERSION, "1.0");
        exampleHeaders.put(CloudEventCodec.H_ID, "5f0c2a4e-6b1d-4c1e-9a57-2b1f0e8d7c31/" + type.split("\\.")[3]);
        exampleHeaders.put(CloudEventCodec.H_SOURCE, "/tsunagu/" + type.split("\\.")[2] + "-service");
        exampleHeaders.put(CloudEventCodec.H_TYPE, type);
        exampleHeaders.put(CloudEventCodec.H_SUBJECT, "5f0c2a4e-6b1d-4c1e-9a57-2b1f0e8d7c31");
        exampleHeaders.put(CloudEventCodec.H_TIME, "2024-06-26T05:12:30Z");
        exampleHeaders.put(CloudEventCodec.H_BUSINESS_DATE, "2024-06-26");
        exampleHeaders.put(CloudEventCodec.H_MUNICIPALITY, "402036");
        exampleHeaders.put(CloudEventCodec.H_CONTENT_TYPE, CloudEventCodec.CONTENT_TYPE);
        example.set("payload", exampleOf(objectSchema(c)));
        if (c == RoutingEvent.CaseEscalated.class) {
            escalationExample(message);
        }
        return message;
    }

    /** A type no longer written: its own shape inline (no schema file of its own) and what it is read as. */
    private static ObjectNode olderMessage(String type, Class<?> c) {
        ObjectNode message = message(type, c);
        String current = EventCatalog.typeOf(currentClass(c));
        message.put("summary", "No longer written; records before 2026-12 have it. Read as " + current + ".");
        message.set("payload", objectSchema(c));
        return message;
    }

    private static Class<?> currentClass(Class<?> older) {
        try {
            return older.getMethod("current").getReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(older + " has no current()", e);
        }
    }

    /** The escalation an example shows: a 至急 case an agency declined, passed on with its urgency kept. */
    private static void escalationExample(ObjectNode message) {
        ObjectNode example = ((ObjectNode) message.get("examples").get(0)).deepCopy();
        example.put("name", "CaseEscalatedAfterDecline");
        example.put("summary", "至急 (URGENT) case declined and passed on: urgency kept, regular meeting, consent known");
        ObjectNode payload = (ObjectNode) example.get("payload");
        payload.put("track", "JUUSOU_SHIEN_KAIGI");
        payload.put("urgency", "URGENT");
        payload.put("review", "REGULAR");
        payload.put("consent", "GIVEN");
        payload.set("fields", JSON.arrayNode().add("ELDERLY").add("DISABILITY"));
        ((ArrayNode) message.get("examples")).add(example);
    }

    private static ObjectNode deadLetter() {
        ObjectNode message = JSON.objectNode();
        message.put("name", "dead-letter");
        message.put("title", "DeadLetter");
        message.put("summary", "A record set aside by a consumer");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode p = headers.putObject("properties");
        for (String h : List.of("dead-letter-reason", "dead-letter-cause", "dead-letter-topic", "dead-letter-partition",
                "dead-letter-offset", "dead-letter-consumer")) {
            p.putObject(h).put("type", "string");
        }
        headers.putArray("required").add("dead-letter-reason").add("dead-letter-topic").add("dead-letter-consumer");
        message.putObject("payload").put("description", "The original value, byte for byte (often not JSON: that "
                + "may be why it is here)");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", "The original key");
        kafka.put("bindingVersion", BINDING_VERSION);
        return message;
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
                        e.getKey().equals("municipality") ? JSON.textNode("402036")
                                : e.getKey().equals("caseId") ? JSON.textNode("5f0c2a4e-6b1d-4c1e-9a57-2b1f0e8d7c31")
                                : e.getKey().equals("caseNumber") ? JSON.textNode("R6-000123")
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
