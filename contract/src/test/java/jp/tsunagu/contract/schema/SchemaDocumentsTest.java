package jp.tsunagu.contract.schema;

import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventCatalog;
import jp.tsunagu.contract.events.OlderVersion;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed schema documents equal what the records say. To regenerate after changing an event:
 * {@code ./mvnw -pl contract test -Dtsunagu.schemas.write=true}.
 */
class SchemaDocumentsTest {

    private static final Path DIR = Path.of("src/main/resources/schemas");

    @Test
    void committedSchemasMatchTheRecords() throws IOException {
        Map<String, String> generated = SchemaDocuments.all();
        if (Boolean.getBoolean("tsunagu.schemas.write")) {
            Files.createDirectories(DIR);
            for (var e : generated.entrySet()) {
                Files.writeString(DIR.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        for (var e : generated.entrySet()) {
            Path file = DIR.resolve(e.getKey());
            assertTrue(Files.exists(file), file + " is missing: regenerate with -Dtsunagu.schemas.write=true");
            assertEquals(e.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                    file + " is out of date: regenerate with -Dtsunagu.schemas.write=true");
        }
        try (var files = Files.list(DIR)) {
            assertEquals(generated.size(), files.count(), "a schema file for an event type that no longer exists");
        }
    }

    /** The AsyncAPI parser (./tsunagu test installs it with npm under .tools/asyncapi) finds no error or warning. */
    @Test
    void theAsyncApiDocumentIsValidForTheAsyncApiParser() throws Exception {
        assertValidAsyncApi(DIR.resolve("asyncapi.json"));
    }

    /** What the services serve at /q/asyncapi: one self-contained document, valid too. */
    @Test
    void theServedDocumentHasEveryPayloadInPlaceAndIsValid() throws Exception {
        String served = AsyncApiBundle.json();
        assertTrue(!served.contains(".schema.json\""), "no payload left as a reference to a file");
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(served);
        assertEquals("string", doc.at("/components/messages/ReferralReceived/payload/properties/caseId/type").asText());
        Path file = Path.of("target", "asyncapi-served.json");
        Files.writeString(file, served, StandardCharsets.UTF_8);
        assertValidAsyncApi(file);
    }

    private static void assertValidAsyncApi(Path document) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path script = root.resolve(".tools/asyncapi/validate.mjs");
        assertTrue(Files.exists(script) && Files.isDirectory(root.resolve(".tools/asyncapi/node_modules/@asyncapi")),
                "no AsyncAPI parser under " + script.getParent() + ": ./tsunagu test installs it with npm");
        Process p = new ProcessBuilder("node", script.toString(), document.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the parser did not finish");
        assertEquals(0, p.exitValue(), "the AsyncAPI parser reports:\n" + out);
    }

    @Test
    void theAsyncApiDocumentSaysWhatAPortalNeeds() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SchemaDocuments.all().get("asyncapi.json"));
        assertEquals("kafka-secure", doc.at("/servers/city/protocol").asText());
        assertEquals("scramSha512", doc.at("/components/securitySchemes/scram/type").asText());
        assertEquals("string", doc.at("/components/messages/ReferralReceived/bindings/kafka/key/type").asText());
        assertEquals("jp.tsunagu.intake.referral-received.v1",
                doc.at("/components/messages/ReferralReceived/headers/allOf/2/properties/ce_type/const").asText());
        assertTrue(doc.at("/components/messages/CaseReviewed/examples/0/payload/caseId").isTextual());
        assertTrue(doc.at("/channels").has("tsunagu.dead-letter.v1"), "the dead-letter channel");
        var caseReviewed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                SchemaDocuments.all().get("jp.tsunagu.meeting.case-reviewed.v1.schema.json"));
        List<String> required = new java.util.ArrayList<>();
        caseReviewed.get("required").forEach(r -> required.add(r.asText()));
        assertTrue(required.containsAll(List.of("caseId", "municipality", "meetingId", "heldOn", "outcome")),
                required.toString());
        assertTrue(!required.contains("planType") && !required.contains("reviewOn"), "those may be null");
        assertEquals("string", caseReviewed.at("/properties/caseId/type").asText(), "a case id is never null");
    }

    @Test
    void everyEventTypeHasASchemaAndAnAsyncApiMessage() {
        String asyncApi = SchemaDocuments.all().get("asyncapi.json");
        EventCatalog.all().forEach((type, c) -> assertTrue(asyncApi.contains("\"" + type + "\""), type));
        EventCatalog.olderVersions().forEach((type, c) -> assertTrue(asyncApi.contains("\"" + type + "\""), type));
        // an older version still read keeps its schema file: its records stay on the topics
        assertEquals(EventCatalog.all().size() + EventCatalog.olderVersions().size() + 1,
                SchemaDocuments.all().size());
    }
    /** Every message shows a record (headers and value), the dead letter too: a portal developer starts from one. */
    @Test
    void everyMessageHasAnExample() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SchemaDocuments.all().get("asyncapi.json"));
        List<String> without = new java.util.ArrayList<>();
        doc.at("/components/messages").properties().forEach(m -> {
            var example = m.getValue().path("examples").path(0);
            if (!example.path("headers").isObject() || example.path("payload").isMissingNode()) {
                without.add(m.getKey());
            }
        });
        assertEquals(List.of(), without, "messages without an example (headers and payload)");
        assertEquals(EventCatalog.all().size() + EventCatalog.olderVersions().size() + 1,
                doc.at("/components/messages").size());
        assertEquals("reporting", doc.at("/components/messages/DeadLetter/examples/0/headers/dead-letter-consumer")
                .asText());
    }

    /**
     * What each message's key description says is what the records' subject really is: the example record read back
     * as its Java event gives the documented key from the field the description names (and the prefix it names).
     */
    @Test
    void eachMessagesKeyIsWhatItsEventsSubjectIs() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SchemaDocuments.all().get("asyncapi.json"));
        var field = java.util.regex.Pattern.compile("payload's `(\\w+)`");
        var prefix = java.util.regex.Pattern.compile("^The event's subject \\(ce_subject\\): `([^`]+)` followed by");
        java.util.Map<String, Class<?>> all = new java.util.LinkedHashMap<>(EventCatalog.all());
        all.putAll(EventCatalog.olderVersions());
        all.forEach((type, c) -> {
            var message = doc.at("/components/messages/" + c.getSimpleName());
            var example = message.at("/examples/0");
            TsunaguEvent event;
            try {
                Object read = CloudEventCodec.mapper().treeToValue(example.get("payload"), c);
                event = read instanceof OlderVersion<?> older ? older.current() : (TsunaguEvent) read;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(type + "'s example does not read", e);
            }
            var key = message.at("/bindings/kafka/key");
            String description = key.path("description").asText();
            var named = field.matcher(description);
            assertTrue(named.find(), type + ": the key description names no field: " + description);
            var prefixed = prefix.matcher(description);
            String expected = (prefixed.find() ? prefixed.group(1) : "")
                    + example.at("/payload/" + named.group(1)).asText();
            assertEquals(event.subject(), expected, type + ": " + description);
            assertEquals(event.subject(), key.at("/examples/0").asText(), type);
            assertEquals(event.subject(), example.at("/headers/ce_subject").asText(), type);
        });
        // the ones the issue named, so a regression in the derivation itself shows too
        assertTrue(doc.at("/components/messages/MeetingScheduled/bindings/kafka/key/description").asText()
                .contains("`meetingId`"));
        assertTrue(doc.at("/components/messages/MinutesAmended/bindings/kafka/key/description").asText()
                .contains("`meetingId`"));
        assertEquals("directory/402036",
                doc.at("/components/messages/DirectoryChanged/bindings/kafka/key/examples/0").asText());
        assertTrue(doc.at("/components/messages/CaseRouted/bindings/kafka/key/description").asText()
                .contains("`caseId`"));
        assertTrue(doc.at("/info/description").asText().contains(
                "meetingId for meeting-scheduled, members-invited, minutes-amended, minutes-recorded"));
        assertTrue(doc.at("/info/description").asText().contains("directory/<municipality> for directory-changed"));
    }

    /** traceparent is documented on every event message as optional, in the form the system test reads. */
    @Test
    void everyEventMessageDocumentsTheOptionalTraceContext() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SchemaDocuments.all().get("asyncapi.json"));
        var trace = doc.at("/components/schemas/TraceContextHeaders");
        assertTrue(trace.path("required").isMissingNode(), "optional");
        String pattern = trace.at("/properties/traceparent/pattern").asText();
        assertTrue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".matches(pattern), pattern);
        EventCatalog.all().forEach((type, c) -> assertEquals("#/components/schemas/TraceContextHeaders",
                doc.at("/components/messages/" + c.getSimpleName() + "/headers/allOf/1/$ref").asText(), type));
        assertTrue(doc.at("/components/schemas/CloudEventHeaders/required").toString().contains("ce_municipality"),
                "every record names its city in a header: a portal filters on it");
    }
}
