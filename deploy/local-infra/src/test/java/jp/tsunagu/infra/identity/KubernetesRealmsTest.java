package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.tsunagu.contract.directory.Directories;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed {@code deploy/kubernetes/identity/realm-<code>.yaml} equal what the generator makes from the shipped
 * directories, so a directory or realm change cannot leave the cluster's realms behind. To regenerate, run the
 * command in {@link KubernetesRealms#REGENERATE} after {@code ./mvnw -pl deploy/local-infra package}, or this test
 * with {@code -Dtsunagu.realms.write=true}.
 */
class KubernetesRealmsTest {

    static final Path DIR = Path.of("../kubernetes/identity");

    @Test
    void theCommittedRealmImportsAreTheGeneratorsOutput() throws Exception {
        Map<String, String> files = KubernetesRealms.files(Directories.load(Optional.empty()).values(),
                KubernetesRealms.PLACEHOLDER_CONSOLE);
        if (Boolean.getBoolean("tsunagu.realms.write")) {
            KubernetesRealms.write(DIR, files);
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path committed = DIR.resolve(file.getKey());
            String name = "deploy/kubernetes/identity/" + file.getKey();
            String fix = " Regenerate from the repository root, after ./mvnw -pl deploy/local-infra package "
                    + "-DskipTests, with: " + KubernetesRealms.REGENERATE
                    + " (or run this test with -Dtsunagu.realms.write=true)";
            assertTrue(Files.exists(committed), name + " is missing." + fix);
            assertEquals(file.getValue(), Files.readString(committed, StandardCharsets.UTF_8),
                    name + " differs from the generator's output." + fix);
        }
    }

    @Test
    void eachIsAnOperatorRealmImportOfAProductionRealm() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        for (String code : Directories.SHIPPED) {
            JsonNode resource = yaml.readTree(KubernetesRealms.resource(Directories.load(Optional.empty()).get(code),
                    KubernetesRealms.PLACEHOLDER_CONSOLE));
            assertEquals("k8s.keycloak.org/v2alpha1", resource.path("apiVersion").asText());
            assertEquals("KeycloakRealmImport", resource.path("kind").asText());
            assertEquals("tsunagu-identity", resource.path("spec").path("keycloakCRName").asText());
            JsonNode realm = resource.path("spec").path("realm");
            assertEquals(code, realm.path("realm").asText());
            assertEquals(RealmGenerator.realm(Directories.load(Optional.empty()).get(code), Profile.PRODUCTION,
                    KubernetesRealms.PLACEHOLDER_CONSOLE, null), realm, "the production realm, unchanged by YAML");
        }
    }
}
