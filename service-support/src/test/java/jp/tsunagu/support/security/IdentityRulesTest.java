package jp.tsunagu.support.security;

import jp.tsunagu.contract.identity.Issuers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which issuer speaks for which municipality, and which clients' tokens count (given / when / then). */
class IdentityRulesTest {

    private final Issuers keycloak = new Issuers(Optional.of("https://idp.example.jp/realms/{municipality}"),
            Map.of("122203", "https://login.microsoftonline.com/tenant-of-nagareyama/v2.0"));

    @Test
    void aRealmOfTheTemplateSpeaksForItsMunicipalityOnly() {
        assertEquals(Optional.of("402036"), keycloak.municipalityOf("https://idp.example.jp/realms/402036"));
        assertEquals(Optional.empty(), keycloak.municipalityOf("https://idp.example.jp/realms/402036/extra"));
        assertEquals(Optional.empty(), keycloak.municipalityOf("https://idp.example.jp/realms/master"));
        assertEquals(Optional.empty(), keycloak.municipalityOf("https://evil.example/realms/402036"));
        assertEquals(Optional.empty(), keycloak.municipalityOf(null));
    }

    @Test
    void aNamedIssuerTakesPrecedenceOverTheTemplate() {
        assertEquals(Optional.of("122203"),
                keycloak.municipalityOf("https://login.microsoftonline.com/tenant-of-nagareyama/v2.0"));
        // the template's realm for a municipality that names its own provider no longer counts
        assertEquals(Optional.empty(), keycloak.municipalityOf("https://idp.example.jp/realms/122203"));
        assertEquals(Optional.of("https://idp.example.jp/realms/402036"), keycloak.issuerOf("402036"));
        assertEquals(Optional.of("https://login.microsoftonline.com/tenant-of-nagareyama/v2.0"),
                keycloak.issuerOf("122203"));
    }

    @Test
    void aTemplateWithoutThePlaceholderIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> new Issuers(Optional.of("https://idp.example.jp/realms/kurume"), Map.of()));
        assertFalse(new Issuers(Optional.empty(), Map.of()).any());
    }

    @Test
    void anAgencysSystemSpeaksForItsOwnAgencyOnly() {
        AllowedClients clients = new AllowedClients(List.of("tsunagu-console", "tsunagu-portal", "agency-{agency}",
                "tsunagu-local-*"));
        assertTrue(clients.allows("tsunagu-console", null));
        assertTrue(clients.allows("tsunagu-console", "kurume-houkatsu-01"));
        assertTrue(clients.allows("agency-kurume-houkatsu-01", "kurume-houkatsu-01"));
        assertFalse(clients.allows("agency-kurume-houkatsu-01", "kurume-jiritsu-02"));
        assertFalse(clients.allows("agency-kurume-houkatsu-01", null));
        assertTrue(clients.allows("tsunagu-local-coordinator", null));
        assertFalse(clients.allows("tsunagu-consoles", null));
        assertFalse(clients.allows("account", null));
        assertFalse(clients.allows(null, null));
        assertFalse(clients.allows("", null));
    }
}
