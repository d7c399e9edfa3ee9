package jp.tsunagu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Python client generated from a service's OpenAPI document by openapi-generator, as an integrator would make one:
 * a model whose name the generator had to make unique ({@code person1.py} beside {@code person.py}) means two schemas
 * share a name, and the obvious {@code Person(...)} then builds the wrong one. The generator runs in a JVM of its own
 * from the self-contained CLI jar test-support's build copies to {@code test-support/target/tools}, so its libraries
 * never meet the service's on one classpath; {@code python3 -m py_compile} then compiles every model it wrote.
 */
public final class GeneratedPythonClient {

    /**
     * The generator's CLI jar: where test-support's build copies it, else the one its build downloaded into the local
     * Maven repository (a module's tests run alone, {@code -pl}, after test-support was installed from another tree).
     */
    static Path generatorJar() throws IOException {
        Path copied = OpenApiLint.root().resolve("test-support/target/tools/openapi-generator-cli.jar");
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        Path repository = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"), "org/openapitools/openapi-generator-cli");
        if (Files.isDirectory(repository)) {
            try (Stream<Path> versions = Files.list(repository)) {
                Optional<Path> jar = versions.sorted(Comparator.reverseOrder())
                        .map(v -> v.resolve("openapi-generator-cli-" + v.getFileName() + ".jar"))
                        .filter(Files::isRegularFile).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new AssertionError("no " + copied + " and none in " + repository
                + ": build test-support first (its build copies the generator)");
    }

    /** The Python package the models are generated into. */
    public static final String PACKAGE = "tsunagu_client";

    private GeneratedPythonClient() {
    }

    /**
     * Generates the models of {@code document} under {@code target/openapi-client} and returns their directory.
     *
     * @throws AssertionError when the generator fails, a model's name was made unique with a number, or a model does
     *                        not compile
     */
    public static Path generate(Path document) throws IOException, InterruptedException {
        Path jar = generatorJar();
        Path out = document.resolveSibling("openapi-client");
        deleteTree(out);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = document.resolveSibling("openapi-client.log");
        run(new ProcessBuilder(java, "-jar", jar.toString(), "generate", "-g", "python", "-i", document.toString(),
                "-o", out.toString(), "--package-name", PACKAGE,
                "--global-property", "models,modelDocs=false,modelTests=false"), log, "openapi-generator");
        Path models = out.resolve(PACKAGE).resolve("models");
        List<String> numbered = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(models)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py") && !n.equals("__init__.py"))
                    .sorted().forEach(files::add);
        }
        files.stream().filter(n -> n.matches(".*\\d\\.py")).forEach(numbered::add);
        if (!numbered.isEmpty()) {
            throw new AssertionError("the generated client has models named with a number (two schemas share a "
                    + "name; give each its own with @Schema(name = ...)): " + numbered);
        }
        List<String> compile = new ArrayList<>(List.of("python3", "-m", "py_compile"));
        files.forEach(f -> compile.add(models.resolve(f).toString()));
        run(new ProcessBuilder(compile), document.resolveSibling("openapi-client-compile.log"), "py_compile");
        return models;
    }

    private static void run(ProcessBuilder pb, Path log, String what) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + " did not finish (its output: " + log + ")");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(what + " failed with " + p.exitValue() + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
