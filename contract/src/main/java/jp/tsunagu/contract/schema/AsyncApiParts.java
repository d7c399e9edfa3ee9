package jp.tsunagu.contract.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.events.CloudEventCodec;

import java.util.List;

/** The parts of the AsyncAPI document that do not come from an event record: servers, headers, the dead letter. */
final class AsyncApiParts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What EventTraces writes (W3CTraceContextPropagator): version 00, trace id, parent span id, flags. */
    static final String TRACE_PARENT_PATTERN = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    private AsyncApiParts() {
    }

    static void servers(ObjectNode doc) {
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
    }

    static void securitySchemes(ObjectNode components) {
        components.putObject("securitySchemes").putObject("scram").put("type", "scramSha512")
                .put("description", "SASL/SCRAM-SHA-512 over TLS; the city's Kafka administrators issue the user");
    }

    static ObjectNode cloudEventHeaders() {
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
        ((ObjectNode) p.get(CloudEventCodec.H_SUBJECT)).put("description", "The record's key: see the message's "
                + "Kafka binding for which payload field it is");
        ((ObjectNode) p.get(CloudEventCodec.H_MUNICIPALITY)).put("description", "全国地方公共団体コード of the "
                + "city the record belongs to, on every record (the payload's municipality): a reader keeps its own "
                + "city's records by it without decoding the value");
        ArrayNode required = node.putArray("required");
        List.of(CloudEventCodec.H_SPECVERSION, CloudEventCodec.H_ID, CloudEventCodec.H_SOURCE, CloudEventCodec.H_TYPE,
                CloudEventCodec.H_SUBJECT, CloudEventCodec.H_TIME, CloudEventCodec.H_BUSINESS_DATE,
                CloudEventCodec.H_MUNICIPALITY).forEach(required::add);
        return node;
    }

    /**
     * W3C Trace Context as the services write it (EventTraces in service-support): only while OpenTelemetry is on and
     * the event is written for a request, or by a consumer applying an event that carried a context.
     */
    static ObjectNode traceContextHeaders() {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        node.put("description", "W3C Trace Context (https://www.w3.org/TR/trace-context/), optional. Present only "
                + "when the city has traces switched on (quarkus.otel.sdk.disabled=false; off by default) and the "
                + "event was written for an API request, or by a consumer applying an event that carried a context "
                + "(the trace goes on from the cause, so one referral is one trace); absent otherwise, e.g. on events "
                + "of a scheduled check or the import. A consumer needs nothing from it: it may make its own span a "
                + "child of it, or ignore it.");
        ObjectNode p = node.putObject("properties");
        p.putObject("traceparent").put("type", "string").put("pattern", TRACE_PARENT_PATTERN)
                .put("description", "00-<trace-id, 32 hex>-<parent span id, 16 hex>-<flags, 2 hex; 01 = sampled>")
                .putArray("examples").add("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        p.putObject("tracestate").put("type", "string")
                .put("description", "Vendor trace state, only when the trace carries some (Tsunagu sets none)");
        return node;
    }

    static ObjectNode deadLetter() {
        ObjectNode message = JSON.objectNode();
        message.put("name", "dead-letter");
        message.put("title", "DeadLetter");
        message.put("summary", "A record set aside by a consumer");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.put("description", "The original record's headers as they came (its ce_ headers and traceparent, "
                + "when it had them) plus the dead-letter-* headers");
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
        kafka.put("bindingVersion", AsyncApiDocument.BINDING_VERSION);
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "DeadLetterUnreadableData");
        example.put("summary", "A routing record whose value did not match its type, set aside by reporting-service "
                + "(consumer reporting); later records of the partition were applied");
        ObjectNode h = example.putObject("headers");
        h.put(CloudEventCodec.H_SPECVERSION, "1.0");
        h.put(CloudEventCodec.H_ID, SchemaDocuments.EXAMPLE_CASE_ID + "/case-routed");
        h.put(CloudEventCodec.H_SOURCE, "/tsunagu/routing-service");
        h.put(CloudEventCodec.H_TYPE, "jp.tsunagu.routing.case-routed.v1");
        h.put(CloudEventCodec.H_SUBJECT, SchemaDocuments.EXAMPLE_CASE_ID);
        h.put(CloudEventCodec.H_TIME, "2024-06-26T05:12:30Z");
        h.put(CloudEventCodec.H_BUSINESS_DATE, "2024-06-26");
        h.put(CloudEventCodec.H_MUNICIPALITY, "402036");
        h.put(CloudEventCodec.H_CONTENT_TYPE, CloudEventCodec.CONTENT_TYPE);
        h.put("dead-letter-reason", "data does not match jp.tsunagu.routing.case-routed.v1: Unexpected end-of-input");
        h.put("dead-letter-topic", Topics.ROUTING);
        h.put("dead-letter-partition", "1");
        h.put("dead-letter-offset", "48213");
        h.put("dead-letter-consumer", "reporting");
        example.put("payload", "{\"caseId\":\"" + SchemaDocuments.EXAMPLE_CASE_ID + "\",\"municipality\":\"40");
        return message;
    }
}
