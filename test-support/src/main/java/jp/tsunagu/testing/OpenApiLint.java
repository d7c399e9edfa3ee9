package jp.tsunagu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly CLI's recommended rules over a service's OpenAPI document: the document is written to
 * {@code target/openapi.json} and linted by the CLI that {@code ./tsunagu test} installs under {@code .tools/redocly}
 * (npm, telemetry off). The test fails with every problem the linter reports, errors and warnings alike, with a
 * schema name ending in a number (the name SmallRye gives the second of two classes with one simple name), and when
 * a Python client generated from the document is not clean ({@link GeneratedPythonClient}).
 */
public final class OpenApiLint {

    private OpenApiLint() {
    }

    /** @return the directory of the generated client's models, for a test that looks for one of its own */
    public static Path check(String openApiJson) throws IOException, InterruptedException {
        Path doc = Path.of("target", "openapi.json").toAbsolutePath();
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, openApiJson, StandardCharsets.UTF_8);
        List<String> numbered = new ArrayList<>();
        new ObjectMapper().readTree(openApiJson).path("components").path("schemas").fieldNames()
                .forEachRemaining(name -> {
                    if (name.matches(".*\\d")) {
                        numbered.add(name);
                    }
                });
        if (!numbered.isEmpty()) {
            throw new AssertionError("schema names ending in a number, so two classes share a simple name; give each "
                    + "its own with @Schema(name = ...): " + numbered);
        }
        Path cli = root().resolve(".tools/redocly/node_modules/.bin/redocly");
        if (!Files.isExecutable(cli)) {
            throw new AssertionError("no Redocly CLI at " + cli + ": ./tsunagu test installs it with npm");
        }
        Path report = doc.resolveSibling("openapi-lint.json");
        ProcessBuilder pb = new ProcessBuilder(cli.toString(), "lint", "--extends=recommended", "--format=json",
                doc.toString()).redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("redocly lint did not finish");
        }
        JsonNode result = new ObjectMapper().readTree(report.toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : result.path("problems")) {
            problems.add(problem.path("severity").asText() + " " + problem.path("ruleId").asText() + ": "
                    + problem.path("message").asText() + " at " + problem.path("location").path(0).path("pointer")
                    .asText());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Redocly (recommended) reports " + problems.size() + " problems in " + doc
                    + ":\n" + String.join("\n", problems));
        }
        return GeneratedPythonClient.generate(doc);
    }

    /** The repository's root: the directory of the {@code tsunagu} script, above the module's. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tsunagu")) && Files.isDirectory(dir.resolve("service-support"))) {
                return dir;
            }
        }
        throw new AssertionError("not inside the Tsunagu repository: " + Path.of("").toAbsolutePath());
    }
}
