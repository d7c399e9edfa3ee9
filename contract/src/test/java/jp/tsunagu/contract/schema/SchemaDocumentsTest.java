package jp.tsunagu.contract.schema;

import jp.tsunagu.contract.events.EventCatalog;
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
        Path root = Path.of("").toAbsolutePath().getParent();
        Path script = root.resolve(".tools/asyncapi/validate.mjs");
        assertTrue(Files.exists(script) && Files.isDirectory(root.resolve(".tools/asyncapi/node_modules/@asyncapi")),
                "no AsyncAPI parser under " + script.getParent() + ": ./tsunagu test installs it with npm");
        Process p = new ProcessBuilder("node", script.toString(), DIR.resolve("asyncapi.json").toString())
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
                doc.at("/components/messages/ReferralReceived/headers/allOf/1/properties/ce_type/const").asText());
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
}
