package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.tsunagu.contract.directory.AgencyDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The production realms as the Keycloak Operator imports them: one {@code KeycloakRealmImport} per municipality, for
 * the {@code Keycloak} resource {@value #KEYCLOAK}. The operator imports a realm that does not exist yet and leaves an
 * existing one alone, as a city's administrator may have changed it; a directory's new agency is added with
 * {@code idp-realms --profile production} (docs/identity.md, "Kubernetes").
 */
public final class KubernetesRealms {

    public static final String KEYCLOAK = "tsunagu-identity";
    public static final String PLACEHOLDER_CONSOLE = "https://tsunagu.example.jp";
    /** The launcher command that writes the committed files (the drift test names it). */
    public static final String REGENERATE = "java -cp \"deploy/local-infra/target/tsunagu-local-infra-0.1.0-SNAPSHOT.jar:"
            + "$(cat deploy/local-infra/target/launcher.classpath)\" jp.tsunagu.infra.Main kubernetes-realms "
            + "--out deploy/kubernetes/identity";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // a realm named 402036 is a string to Keycloak, not a number
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private KubernetesRealms() {
    }

    /** File name to content, for every directory. */
    public static Map<String, String> files(Collection<AgencyDirectory> directories, String consoleUrl) {
        Map<String, String> files = new LinkedHashMap<>();
        for (AgencyDirectory directory : directories) {
            files.put("realm-" + directory.municipality() + ".yaml", resource(directory, consoleUrl));
        }
        return files;
    }

    static String resource(AgencyDirectory directory, String consoleUrl) {
        ObjectNode resource = RealmGenerator.JSON.createObjectNode()
                .put("apiVersion", "k8s.keycloak.org/v2alpha1")
                .put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "realm-" + directory.municipality())
                .putObject("labels").put("app.kubernetes.io/part-of", "tsunagu");
        resource.putObject("spec").put("keycloakCRName", KEYCLOAK)
                .set("realm", RealmGenerator.realm(directory, Profile.PRODUCTION, consoleUrl, null));
        try {
            return "# Generated from the agency directory of " + directory.municipality() + " ("
                    + directory.municipalityName() + "); do not edit. Regenerate with:\n#   " + REGENERATE + "\n"
                    + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
