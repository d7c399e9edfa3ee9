package jp.tsunagu.system;

import jp.tsunagu.bench.Totp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.get;
import static jp.tsunagu.system.LocalRunSystemTest.port;
import static jp.tsunagu.system.LocalRunSystemTest.refer;
import static jp.tsunagu.system.LocalRunSystemTest.run;
import static jp.tsunagu.system.SignInSteps.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in as people and systems do it, against the local run's Keycloak: a coordinator in a real browser (Debian's
 * chromium, headless) with password and TOTP (enrolled at the first sign-in; the test computes the codes as an
 * authenticator app would), the authorization code flow with PKCE ending at the console's address; lockout after
 * repeated failures; an agency's system with client credentials; what a disabled person or a deleted client can do
 * once its token expires. Keycloak's own errors and events are read as the city's administrator reads them.
 */
@ExtendWith(RunningSystem.class)
class SignInSystemTest {

    static final String NAGAREYAMA = "122203";
    static final String REFERRAL = """
            {"channel":"AGENCY","person":{"name":"認証 試験","age":47,"area":"%s"},
             "concerns":["HIKIKOMORI"],"consent":"GIVEN","urgency":"ROUTINE"}""";

    /**
     * These tests look at the provider's side of the flow (the code, PKCE, refresh), so they stand in at the console's
     * address themselves for a while; the real console is stopped meanwhile and started again after
     * ({@link ConsoleSystemTest} uses it).
     */
    @BeforeAll
    static void listenAtTheConsolesAddress() throws Exception {
        SignInSteps.idp = IdentityProvider.of(LocalSystem.SINGLE);
        LocalSystem.SINGLE.terminate("console");
        SignInSteps.console = new ConsoleRedirect(Integer.parseInt(run("port", "console").trim()));
    }

    @AfterAll
    static void close() throws Exception {
        if (console != null) {
            console.close();
        }
        run("restart", "console");
    }

    @Test
    void aCoordinatorSignsInWithPasswordAndTotpAndIsRefusedAWrongCode() throws Exception {
        // her first sign-in in this test, whichever test signed her in before (the console's enrols an app too)
        idp.removeOtp(KURUME, "coordinator");
        String caseId = refer(agencySystemToken("kurume-houkatsu-01"), REFERRAL.formatted("荒木"));
        byte[] key;
        Tokens first;
        WebDriver browser = browser();
        try {
            ConsoleRedirect.Pkce pkce = ConsoleRedirect.Pkce.make();
            browser.get(authorize(KURUME, pkce, console.redirectUri));
            assertEquals("ja", browser.findElement(By.tagName("html")).getDomAttribute("lang"),
                    "the sign-in page is in Japanese: " + browser.getTitle() + " at " + browser.getCurrentUrl());
            assertTrue(browser.getTitle().contains("サインイン"), browser.getTitle());
            signIn(browser, "coordinator", idp.password(KURUME, "coordinator"));
            // first sign-in of a coordinator: enrol an authenticator app, typing its key as the page shows it
            browser.findElement(By.id("mode-manual")).click();
            key = Totp.base32(browser.findElement(By.id("kc-totp-secret-key")).getText());
            browser.findElement(By.id("totp")).sendKeys(Totp.code(key, 0));
            browser.findElement(By.id("userLabel")).sendKeys("試験端末");
            browser.findElement(By.id("saveTOTPBtn")).click();
            first = exchange(pkce, codeFrom(console.awaitArrival(30)));
        } finally {
            browser.quit();
        }
        JsonNode claims = IdentityProvider.claims(first.access());
        assertEquals(idp.issuer(KURUME), claims.get("iss").asText());
        assertEquals("tsunagu-console", claims.get("azp").asText());
        assertEquals(KURUME, claims.get("municipality").asText());
        assertEquals("coordinator", claims.get("preferred_username").asText());
        assertTrue(claims.get("groups").toString().contains("\"coordinator\""), claims.toString());
        assertTrue(claims.get("aud").toString().contains("tsunagu"), claims.toString());
        assertTrue(claims.get("exp").asLong() - claims.get("iat").asLong() <= 300, "access tokens live ≤ 5 min");

        // the person's own read, named in the service's audit trail
        assertEquals(200, get(port(INTAKE), "/referrals/" + caseId + "/person", first.access()).statusCode());
        JsonNode audit = IdentityProvider.JSON.readTree(get(port(INTAKE), "/audit", first.access()).body());
        boolean named = false;
        for (JsonNode entry : audit) {
            named |= entry.path("resource").asText().contains(caseId)
                    && "coordinator".equals(entry.path("username").asText())
                    && "tsunagu-console".equals(entry.path("client").asText());
        }
        assertTrue(named, "the audit trail names the person and the client: " + audit);

        // the second sign-in asks for a code; a wrong one is refused, the app's next one lets her in
        browser = browser();
        try {
            ConsoleRedirect.Pkce pkce = ConsoleRedirect.Pkce.make();
            browser.get(authorize(KURUME, pkce, console.redirectUri));
            signIn(browser, "coordinator", idp.password(KURUME, "coordinator"));
            String wrong = Totp.code(key, 0).equals("000000") ? "111111" : "000000";
            browser.findElement(By.id("otp")).sendKeys(wrong);
            browser.findElement(By.id("kc-login")).click();
            assertNull(console.awaitArrival(3), "a wrong code does not sign her in");
            assertTrue(browser.findElements(By.id("otp")).size() == 1, "she is asked for the code again");
            browser.findElement(By.id("otp")).sendKeys(Totp.code(key, 1));
            browser.findElement(By.id("kc-login")).click();
            Tokens second = exchange(pkce, codeFrom(console.awaitArrival(30)));
            assertNotNull(second.access());
        } finally {
            browser.quit();
        }

        // the administrator sees the enrolment and the failure
        String user = idp.userId(KURUME, "coordinator");
        assertTrue(idp.adminJson("/" + KURUME + "/events?type=UPDATE_TOTP&user=" + user).size() >= 1);
        assertTrue(idp.adminJson("/" + KURUME + "/events?type=LOGIN_ERROR&user=" + user).size() >= 1);

        // logout ends the session: its refresh token no longer works
        HttpResponse<String> logout = IdentityProvider.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(idp.issuer(KURUME) + "/protocol/openid-connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(IdentityProvider.form(Map.of(
                        "client_id", "tsunagu-console", "client_secret", idp.secret(KURUME, "tsunagu-console"),
                        "refresh_token", first.refresh())))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, logout.statusCode(), logout.body());
        assertEquals(400, refresh(first.refresh()).statusCode());
    }

    @Test
    void anAuthorizationCodeWorksOnceAndOnlyForItsRedirect() throws Exception {
        WebDriver browser = browser();
        try {
            ConsoleRedirect.Pkce pkce = ConsoleRedirect.Pkce.make();
            // an open redirect: the provider shows an error and sends nobody anywhere
            browser.get(authorize(KURUME, pkce, "https://evil.example/callback"));
            assertTrue(browser.getCurrentUrl().startsWith(idp.url().toString()), browser.getCurrentUrl());
            assertTrue(browser.getPageSource().contains("redirect_uri"), "the error names the bad parameter");

            console.forgetArrivals();
            browser.get(authorize(KURUME, pkce, console.redirectUri));
            String staff = agencyStaff(0);
            signIn(browser, staff, idp.password(KURUME, staff));
            String code = codeFrom(console.awaitArrival(30));
            assertNotNull(exchange(pkce, code).access());
            // nor does any client take a password straight, not even Keycloak's own command-line client
            HttpResponse<String> direct = idp.tokenRequest(KURUME, Map.of("grant_type", "password",
                    "client_id", "admin-cli", "username", staff, "password", idp.password(KURUME, staff)));
            assertTrue(direct.statusCode() == 400 || direct.statusCode() == 401, direct.body());
            assertEquals("unauthorized_client", IdentityProvider.JSON.readTree(direct.body()).get("error").asText());
            HttpResponse<String> replayed = codeExchange(pkce, code);
            assertEquals(400, replayed.statusCode());
            assertEquals("invalid_grant", IdentityProvider.JSON.readTree(replayed.body()).get("error").asText());
        } finally {
            browser.quit();
        }
    }

    @Test
    void repeatedWrongPasswordsLockAPersonOut() throws Exception {
        String user = idp.userId(KURUME, "analyst");
        WebDriver browser = browser();
        try {
            ConsoleRedirect.Pkce pkce = ConsoleRedirect.Pkce.make();
            console.forgetArrivals();
            browser.get(authorize(KURUME, pkce, console.redirectUri));
            for (int i = 0; i < 5; i++) {
                signIn(browser, "analyst", "wrong-password-" + i);
                assertTrue(backOnTheSignInPage(browser), "still on the sign-in page");
            }
            // now even the right password does not get through
            signIn(browser, "analyst", idp.password(KURUME, "analyst"));
            assertNull(console.awaitArrival(3), "a locked-out person is not signed in");
            JsonNode status = idp.adminJson("/" + KURUME + "/attack-detection/brute-force/users/" + user);
            assertTrue(status.get("disabled").asBoolean(), status.toString());
            boolean recorded = false;
            for (JsonNode e : idp.adminJson("/" + KURUME + "/events?type=LOGIN_ERROR&user=" + user)) {
                recorded |= "user_temporarily_disabled".equals(e.path("error").asText());
            }
            assertTrue(recorded, "the lockout is in the realm's events");
        } finally {
            browser.quit();
            idp.admin("DELETE", "/" + KURUME + "/attack-detection/brute-force/users/" + user, null);
        }
    }

    @Test
    void anAgencySystemActsForItsAgencyInItsOwnCityOnly() throws Exception {
        String kurume = agencySystemToken("kurume-houkatsu-02");
        JsonNode claims = IdentityProvider.claims(kurume);
        assertEquals("kurume-houkatsu-02", claims.get("agency").asText());
        assertEquals("agency-kurume-houkatsu-02", claims.get("azp").asText());
        refer(kurume, REFERRAL.formatted("荒木"));

        String nagareyamaCase = refer(run("token", "agency", "--agency", "nagareyama-houkatsu-01",
                "--municipality", NAGAREYAMA).trim(), REFERRAL.formatted("北部"));
        assertEquals(404, get(port(INTAKE), "/referrals/" + nagareyamaCase, kurume).statusCode());
        // the client exists in its own city's realm only
        assertEquals(401, idp.clientCredentials(NAGAREYAMA, "agency-kurume-houkatsu-02",
                idp.secret(KURUME, "agency-kurume-houkatsu-02")).statusCode());
    }

    @Test
    void aDeletedClientOrDisabledPersonIsRefusedOnceItsTokenExpires() throws Exception {
        // short-lived tokens for this test, as an administrator may set per client
        idp.setClientAttribute(KURUME, "agency-kurume-houkatsu-03", "access.token.lifespan", "10");
        idp.setClientAttribute(KURUME, "tsunagu-console", "access.token.lifespan", "10");
        try {
            String system = agencySystemToken("kurume-houkatsu-03");
            assertEquals(200, get(port(INTAKE), "/referrals", system).statusCode());
            String staff = agencyStaff(1);
            Tokens person = signInInBrowser(staff);
            assertEquals(200, get(port(INTAKE), "/referrals", person.access()).statusCode());

            assertEquals(204, idp.admin("DELETE", "/" + KURUME + "/clients/"
                    + idp.clientUuid(KURUME, "agency-kurume-houkatsu-03"), null).statusCode());
            assertEquals(401, idp.clientCredentials(KURUME, "agency-kurume-houkatsu-03",
                    idp.secret(KURUME, "agency-kurume-houkatsu-03")).statusCode());
            assertEquals(204, idp.admin("PUT", "/" + KURUME + "/users/" + idp.userId(KURUME, staff),
                    "{\"enabled\":false}").statusCode());
            assertEquals(400, refresh(person.refresh()).statusCode(), "a disabled person cannot renew");

            awaitExpiry(system);
            awaitExpiry(person.access());
            assertEquals(401, get(port(INTAKE), "/referrals", system).statusCode());
            assertEquals(401, get(port(INTAKE), "/referrals", person.access()).statusCode());
        } finally {
            idp.setClientAttribute(KURUME, "tsunagu-console", "access.token.lifespan", "");
            // the person works again for the tests that sign her in at the console (ConsoleSystemTest)
            idp.admin("PUT", "/" + KURUME + "/users/" + idp.userId(KURUME, agencyStaff(1)), "{\"enabled\":true}");
        }
    }

    @Test
    void whileTheProviderIsDownTokensAlreadyIssuedKeepWorking() throws Exception {
        String coordinator = run("token", "coordinator", "--municipality", KURUME).trim();
        assertEquals(200, get(port(INTAKE), "/cases", coordinator).statusCode()); // intake has the realm's keys now
        LocalSystem.SINGLE.kill("idp");
        try {
            assertEquals(200, get(port(INTAKE), "/cases", coordinator).statusCode(), "keys are kept");
            AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> run("token", "coordinator", "--municipality", KURUME));
            assertTrue(refused.getMessage().contains("identity provider is not running"), refused.getMessage());
            // a service started during the outage has no keys yet: it says so, with a time to come back
            run("restart", "planning-service");
            HttpResponse<String> unverifiable = get(port("planning-service"), "/audit", coordinator);
            assertEquals(503, unverifiable.statusCode(), unverifiable.body());
            assertTrue(unverifiable.headers().firstValue("Retry-After").isPresent());
            assertTrue(unverifiable.body().contains("/problems/identity-provider-unavailable"), unverifiable.body());
        } finally {
            // starts only what is not running: the provider (and the console, this test's stand-in stepping aside
            // meanwhile), and applies the realms again
            console.close();
            run("up");
            LocalSystem.SINGLE.terminate("console");
            SignInSteps.console = new ConsoleRedirect(Integer.parseInt(run("port", "console").trim()));
        }
        assertEquals(200, get(port("planning-service"), "/audit", coordinator).statusCode(),
                "once the provider is back the restarted service fetches the keys");
    }

    @Test
    void aNewAgencyInTheDirectoryGetsItsGroupAndItsSystemsClient() throws Exception {
        // the city's own directory file, with one agency more than the shipped one
        java.nio.file.Path dir = Files.createTempDirectory("directories");
        com.fasterxml.jackson.databind.node.ObjectNode directory = (com.fasterxml.jackson.databind.node.ObjectNode)
                IdentityProvider.JSON.readTree(LocalSystem.ROOT.resolve(
                        "contract/src/main/resources/jp/tsunagu/contract/directory/402036.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode added = directory.withArray("agencies").get(0).deepCopy();
        added.put("id", "kurume-houkatsu-99").put("name", "地域包括支援センター（試験で追加）");
        directory.withArray("agencies").add(added);
        IdentityProvider.JSON.writeValue(dir.resolve("402036.json").toFile(), directory);

        String applied = launcher("idp-realms", "--profile", "local", "--url", idp.url().toString(), "--home",
                LocalSystem.SINGLE.home().toString(), "--console-url", console.redirectUri.replace("/callback", ""),
                "--directories", dir.toString());
        assertTrue(applied.contains("group /agencies/kurume-houkatsu-99"), applied);
        assertTrue(applied.contains("client agency-kurume-houkatsu-99"), applied);
        JsonNode group = idp.adminJson("/" + KURUME + "/group-by-path/agencies/kurume-houkatsu-99");
        assertEquals("kurume-houkatsu-99", group.at("/attributes/agency/0").asText());
        String token = agencySystemToken("kurume-houkatsu-99");
        assertEquals("kurume-houkatsu-99", IdentityProvider.claims(token).get("agency").asText());
        // applied again: nothing more to add
        assertTrue(launcher("idp-realms", "--profile", "local", "--url", idp.url().toString(), "--home",
                LocalSystem.SINGLE.home().toString(), "--console-url", console.redirectUri.replace("/callback", ""),
                "--directories", dir.toString()).contains("realm 402036 (久留米市): up to date"));
    }

    /**
     * The provider answered a wrong password with its sign-in page again. Asked until that page has loaded: right
     * after the click the browser may be between the two pages, with no form at all.
     */
    private static boolean backOnTheSignInPage(WebDriver browser) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "complete".equals(
                    ((JavascriptExecutor) d).executeScript("return document.readyState"))
                    && d.findElements(By.id("password")).size() == 1);
        } catch (TimeoutException e) {
            return false;
        }
    }
}
