package jp.tsunagu.contract.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0 document of every topic: what a portal developer reads instead of Java, derived from the event
 * records (messages, payloads, keys) so that it cannot drift from what the services write.
 */
final class AsyncApiDocument {

    static final String BINDING_VERSION = "0.5.0";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AsyncApiDocument() {
    }

    static ObjectNode build() {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Tsunagu stage topics");
        info.put("version", "1.0.0");
        info.put("description", description());
        AsyncApiParts.servers(doc);
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        AsyncApiParts.securitySchemes(components);
        schemas.set("CloudEventHeaders", AsyncApiParts.cloudEventHeaders());
        schemas.set("TraceContextHeaders", AsyncApiParts.traceContextHeaders());
        Topics.STAGES.forEach(topic -> {
            Class<? extends TsunaguEvent> topicType = Topics.eventsOf(topic).orElseThrow();
            ObjectNode channel = channel(channels, topic, "The " + topicType.getSimpleName() + " events, written by "
                    + writerOf(topicType) + " only; one partition order per key (see each message's key)");
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
                + "as they came, with why: the original key, value and headers plus dead-letter-* headers; written by "
                + "every service that consumes");
        deadLetters.putObject("messages").putObject("DeadLetter").put("$ref", "#/components/messages/DeadLetter");
        messages.set("DeadLetter", AsyncApiParts.deadLetter());
        receive(operations, Topics.DEAD_LETTER);
        return doc;
    }

    /** The writer of a stage topic, as its events' types and ce_source name it (jp.tsunagu.intake.… → intake-service). */
    static String writerOf(Class<? extends TsunaguEvent> topicType) {
        return EventCatalog.all().entrySet().stream().filter(e -> topicType.isAssignableFrom(e.getValue()))
                .map(e -> e.getKey().split("\\.")[2] + "-service").findFirst().orElseThrow();
    }

    private static String description() {
        // the keys that are not the case id, by key: derived from the records, like each message's own key
        Map<String, List<String>> otherKeys = new TreeMap<>();
        EventCatalog.all().forEach((type, c) -> {
            MessageKeys.Key key = MessageKeys.of(c);
            if (!key.field().equals("caseId") || !key.prefix().isEmpty()) {
                otherKeys.computeIfAbsent(key.shortName(), k -> new java.util.ArrayList<>()).add(type.split("\\.")[3]);
            }
        });
        StringBuilder exceptions = new StringBuilder();
        otherKeys.forEach((key, types) -> exceptions.append(exceptions.isEmpty() ? "" : "; ").append(key)
                .append(" for ").append(String.join(", ", types)));
        Map<String, String> writers = new LinkedHashMap<>();
        Topics.STAGES.forEach(t -> writers.put(t, writerOf(Topics.eventsOf(t).orElseThrow())));
        StringBuilder written = new StringBuilder();
        writers.forEach((t, w) -> written.append(written.isEmpty() ? "" : ", ").append(t).append(" by ").append(w));
        return "Every stage writes one topic (single writer: " + written + "). Records: key = the event's subject "
                + "(ce_subject): the case id (caseId), except " + exceptions + " (each message's Kafka binding "
                + "names its key's field); value = event data as JSON; CloudEvents 1.0 attributes as ce_ headers "
                + "(binary mode; ce_type names the message). Extension attributes: businessdate (the day it happened, "
                + "Asia/Tokyo; fiscal years follow it), causationid (the event or request that caused it), "
                + "municipality (全国地方公共団体コード). A record may also carry W3C trace context (traceparent, "
                + "tracestate) when the city has traces switched on; a consumer needs nothing from it. Personal "
                + "fields exist only inside ReferralReceived.personal, encrypted per case. A consumer reads a topic "
                + "from offset 0 to rebuild everything (retention is unlimited); records it cannot read go to the "
                + "dead-letter topic with the reason, never skipped in silence.\n\n"
                + "One city's records: every topic carries the records of every municipality the installation serves "
                + "(partitioned by key, not by city). Every record has the ce_municipality header (required), equal "
                + "to the payload's municipality, so a portal keeps only its own city's records by that header, "
                + "without decoding the value. A topic's ACL admits a reader to all of a topic, so a portal reading "
                + "the topics directly is trusted with every municipality's records on that cluster (without personal "
                + "data). A portal that must see only its own city reads reporting-service's GET /feed/cases "
                + "instead: server-sent events of the case events of the token's municipality only, numbered per "
                + "municipality (a gap means a missed event), with pseudonyms for a portal token.\n\n"
                + "Served by every service at GET /q/asyncapi (no token), beside /q/openapi.";
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
        allOf.addObject().put("$ref", "#/components/schemas/TraceContextHeaders");
        ObjectNode ceType = allOf.addObject();
        ceType.put("type", "object");
        ceType.putObject("properties").putObject(CloudEventCodec.H_TYPE).put("const", type);
        message.putObject("payload").put("$ref", type + ".schema.json");
        MessageKeys.Key key = MessageKeys.of(c);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode keySchema = kafka.putObject("key");
        keySchema.put("type", "string").put("description", key.description());
        if (!key.prefix().isEmpty()) {
            keySchema.put("pattern", "^" + key.prefix());
        }
        keySchema.putArray("examples").add(key.example());
        kafka.put("bindingVersion", BINDING_VERSION);
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", c.getSimpleName());
        ObjectNode exampleHeaders = example.putObject("headers");
        exampleHeaders.put(CloudEventCodec.H_SPECVERSION, "1.0");
        exampleHeaders.put(CloudEventCodec.H_ID, SchemaDocuments.EXAMPLE_CASE_ID + "/" + type.split("\\.")[3]);
        exampleHeaders.put(CloudEventCodec.H_SOURCE, "/tsunagu/" + type.split("\\.")[2] + "-service");
        exampleHeaders.put(CloudEventCodec.H_TYPE, type);
        exampleHeaders.put(CloudEventCodec.H_SUBJECT, key.example());
        exampleHeaders.put(CloudEventCodec.H_TIME, "2024-06-26T05:12:30Z");
        exampleHeaders.put(CloudEventCodec.H_BUSINESS_DATE, "2024-06-26");
        exampleHeaders.put(CloudEventCodec.H_MUNICIPALITY, "402036");
        exampleHeaders.put(CloudEventCodec.H_CONTENT_TYPE, CloudEventCodec.CONTENT_TYPE);
        example.set("payload", SchemaDocuments.exampleOf(SchemaDocuments.objectSchema(c)));
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
        message.set("payload", SchemaDocuments.objectSchema(c));
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
}
