package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.system.LocalRunSystemTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The steps of {@link SignInSystemTest}: a browser as staff use one, the console's side of the authorization code
 * flow (PKCE, the code exchange, refresh), an agency system's client credentials, and the launcher.
 */
final class SignInSteps {

    static final String KURUME = "402036";

    static IdentityProvider idp;
    static ConsoleRedirect console;

    private SignInSteps() {
    }

    record Tokens(String access, String refresh) {
    }

    static WebDriver browser() throws Exception {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory("sign-in-chromium"));
        return new ChromeDriver(service, options);
    }

    static String authorize(String realm, ConsoleRedirect.Pkce pkce, String redirectUri) {
        return idp.issuer(realm) + "/protocol/openid-connect/auth?client_id=tsunagu-console&response_type=code"
                + "&scope=openid&state=" + UUID.randomUUID() + "&code_challenge=" + pkce.challenge()
                + "&code_challenge_method=S256&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    static void signIn(WebDriver browser, String user, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /** Agency staff sign in with a password alone (no second factor: they read only their agency's cases). */
    static Tokens signInInBrowser(String user) throws Exception {
        WebDriver browser = browser();
        try {
            ConsoleRedirect.Pkce pkce = ConsoleRedirect.Pkce.make();
            console.forgetArrivals();
            browser.get(authorize(KURUME, pkce, console.redirectUri));
            signIn(browser, user, idp.password(KURUME, user));
            return exchange(pkce, codeFrom(console.awaitArrival(30)));
        } finally {
            browser.quit();
        }
    }

    static String codeFrom(Map<String, String> arrival) {
        assertNotNull(arrival, "the provider sent the browser back to the console");
        assertNotNull(arrival.get("code"), "with a code: " + arrival);
        return arrival.get("code");
    }

    static HttpResponse<String> codeExchange(ConsoleRedirect.Pkce pkce, String code) throws Exception {
        return idp.tokenRequest(KURUME, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", console.redirectUri, "client_id", "tsunagu-console",
                "client_secret", idp.secret(KURUME, "tsunagu-console"), "code_verifier", pkce.verifier()));
    }

    static Tokens exchange(ConsoleRedirect.Pkce pkce, String code) throws Exception {
        HttpResponse<String> r = codeExchange(pkce, code);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = IdentityProvider.JSON.readTree(r.body());
        return new Tokens(body.get("access_token").asText(), body.get("refresh_token").asText());
    }

    static HttpResponse<String> refresh(String refreshToken) throws Exception {
        return idp.tokenRequest(KURUME, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", "tsunagu-console", "client_secret", idp.secret(KURUME, "tsunagu-console")));
    }

    static String agencySystemToken(String agency) throws Exception {
        return idp.accessToken(idp.clientCredentials(KURUME, "agency-" + agency,
                idp.secret(KURUME, "agency-" + agency)));
    }

    /** The i-th demo agency worker of the run (staff-&lt;agency&gt;); each test disables at most its own. */
    static String agencyStaff(int i) throws Exception {
        try (var users = Files.list(idp.idpHome().resolve("demo-passwords").resolve(KURUME))) {
            return users.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("staff-")).sorted()
                    .skip(i).findFirst().orElseThrow();
        }
    }

    /** Waits until the token's exp and the services' clock-skew leeway (tsunagu.identity.clock-skew, 10 s) pass. */
    static void awaitExpiry(String token) throws Exception {
        long exp = IdentityProvider.claims(token).get("exp").asLong();
        long wait = exp + 10 + 1 - Instant.now().getEpochSecond();
        if (wait > 0) {
            Thread.sleep(wait * 1000);
        }
    }

    /** The launcher that ./tsunagu runs, with the JDK ./tsunagu picks. */
    static String launcher(String... args) throws Exception {
        java.nio.file.Path target = LocalSystem.ROOT.resolve("deploy/local-infra/target");
        String jdk = run("jdk").strip().lines().reduce((a, b) -> b).orElseThrow();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(jdk, "-cp",
                target.resolve("tsunagu-local-infra-0.1.0-SNAPSHOT.jar") + ":"
                        + Files.readString(target.resolve("launcher.classpath")).strip(), "jp.tsunagu.infra.Main"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
