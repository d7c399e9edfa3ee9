package jp.tsunagu.routing.webhook;

import jp.tsunagu.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URL policy with a fixed name table (no DNS, no connection), the retry schedule, the signature. */
class WebhookRulesTest {

    /** Names as a resolver would answer them: one public, one that points inside (DNS rebinding's first step). */
    static final Map<String, String> NAMES = Map.of("hooks.example.org", "93.184.215.14",
            "inside.example.org", "10.1.2.3", "metadata.example.org", "169.254.169.254",
            "own.example.org", "151.101.2.7");

    /** A name with a public and a private address: refused, since a client may pick either. */
    static final String MIXED = "mixed.example.org";

    static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals(MIXED)) {
            return new InetAddress[] {address("93.184.215.14"), address("192.168.0.9")};
        }
        String address = NAMES.get(host);
        if (address == null && !host.matches("[0-9.:a-f]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }

    /** This server's own addresses, as its interfaces would list them. */
    static final PublicAddresses OWN = new PublicAddresses(() -> Set.of(address("192.0.2.2"),
            address("151.101.2.7")));

    static final WebhookUrlPolicy PRODUCTION = new WebhookUrlPolicy(List.of(), true, WebhookRulesTest::resolve, OWN);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "https://inside.example.org/hook, a private address",
            "https://metadata.example.org/, a link-local address",
            "https://127.0.0.1/hook, a loopback address",
            "https://[::1]/hook, a loopback address",
            "https://0.0.0.0/hook, an unspecified address",
            "https://224.0.0.1/hook, a multicast address",
            "http://hooks.example.org/hook, must be https",
            "https://nowhere.invalid/hook, cannot be resolved",
            "javascript:alert(1), must be an https URL",
            // what a probe got through before: this machine's own address, and IPv4 carried in IPv6
            "https://192.0.2.2:8082/, an address of this server",
            "https://151.101.2.7/, an address of this server",
            "https://own.example.org/, an address of this server",
            "https://[64:ff9b::a9fe:a9fe]/, a link-local address",
            "https://[2002:a9fe:a9fe::1]/, a link-local address",
            "https://[::a9fe:a9fe]/, a link-local address",
            "https://[::ffff:0:a9fe:a9fe]/, a link-local address",
            "https://[::ffff:a9fe:a9fe]/, a link-local address",
            "https://[::10.0.0.1]/, a private address",
            "https://192.0.2.1/, a documentation address",
            "https://198.18.0.1/, a special-purpose address",
            "https://192.0.0.1/, a special-purpose address",
            "https://[100::1]/, a special-purpose address",
            "https://[2001:db8::1]/, a documentation address",
            "https://mixed.example.org/, a private address",
    })
    void refusesWhatIsNotAPublicHttpsEndpoint(String url, String why) {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> PRODUCTION.check(url));
        assertTrue(refused.errors().get(0).message().contains(why), refused.errors().get(0).message());
        assertEquals("url", refused.errors().get(0).field());
        // the URL's host or address is never quoted back
        String host = java.net.URI.create(url).getHost();
        assertTrue(host == null || !refused.errors().get(0).message().contains(host),
                refused.errors().get(0).message());
    }

    @Test
    void acceptsAPublicHttpsEndpointAndAllowListedHosts() {
        assertEquals("https://hooks.example.org/hook", PRODUCTION.check("https://hooks.example.org/hook").toString());
        WebhookUrlPolicy local = new WebhookUrlPolicy(List.of("127.0.0.1", "localhost"), false,
                WebhookRulesTest::resolve, OWN);
        assertEquals("http://127.0.0.1:9000/hook", local.check("http://127.0.0.1:9000/hook").toString());
        assertThrows(ApiProblem.class, () -> local.check("http://127.0.0.2/hook"), "only what is listed");
        assertThrows(ApiProblem.class, () -> local.check("http://192.0.2.2/hook"), "not this server's other addresses");
    }

    @Test
    void anAttemptConnectsToTheAddressChecked() {
        assertEquals(address("93.184.215.14"), PRODUCTION.target("https://hooks.example.org/hook").address());
        WebhookUrlPolicy local = new WebhookUrlPolicy(List.of("127.0.0.1", "localhost"), false,
                host -> new InetAddress[] {address("127.0.0.1")}, OWN);
        assertEquals(null, local.target("http://localhost:9000/hook").address(), "a listed name: by its name");
        assertEquals(address("127.0.0.1"), local.target("http://receiver.test:9000/hook").address(),
                "a name resolving to a listed address: allowed, and pinned to it");
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void retriesBackOffDoublingUpToTheCeilingUntilTheWindowEnds() {
        Instant created = Instant.parse("2026-12-01T00:00:00Z");
        Duration window = Duration.ofHours(24);
        var policy = new WebhookDispatcher.RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), window);
        assertEquals(created.plusSeconds(30), WebhookDispatcher.retryAt(1, created, created, policy));
        assertEquals(created.plusSeconds(120), WebhookDispatcher.retryAt(3, created, created, policy));
        assertEquals(created.plus(Duration.ofHours(1)),
                WebhookDispatcher.retryAt(12, created, created, policy), "the ceiling");
        Instant late = created.plus(Duration.ofHours(23).plusMinutes(50));
        assertEquals(created.plus(window), WebhookDispatcher.retryAt(20, created, late, policy),
                "a last attempt when the window ends");
        assertNull(WebhookDispatcher.retryAt(21, created, created.plus(window), policy), "then give up");
    }

    @Test
    void signsAsStandardWebhooksSpecifies() {
        // the specification's published example
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(secret,
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
        assertTrue(WebhookSignature.newSecret().matches("whsec_[A-Za-z0-9+/]{43}="));
    }
}
