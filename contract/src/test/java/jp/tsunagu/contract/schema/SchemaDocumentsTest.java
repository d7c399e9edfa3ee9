package jp.tsunagu.contract.schema;

import jp.tsunagu.contract.events.EventCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void everyEventTypeHasASchemaAndAnAsyncApiMessage() {
        String asyncApi = SchemaDocuments.all().get("asyncapi.json");
        EventCatalog.all().forEach((type, c) -> assertTrue(asyncApi.contains("\"" + type + "\""), type));
        assertEquals(EventCatalog.all().size() + 1, SchemaDocuments.all().size());
    }
}
