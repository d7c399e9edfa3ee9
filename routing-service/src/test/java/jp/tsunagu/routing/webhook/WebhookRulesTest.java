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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URL policy with a fixed name table (no DNS, no connection), the retry schedule, the signature. */
class WebhookRulesTest {

    /** Names as a resolver would answer them: one public, one that points inside (DNS rebinding's first step). */
    static final Map<String, String> NAMES = Map.of("hooks.example.org", "203.0.113.10",
            "inside.example.org", "10.1.2.3", "metadata.example.org", "169.254.169.254");

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        if (address == null && !host.matches("[0-9.:a-f]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }

    static final WebhookUrlPolicy PRODUCTION = new WebhookUrlPolicy(List.of(), true, WebhookRulesTest::resolve);

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
    })
    void refusesWhatIsNotAPublicHttpsEndpoint(String url, String why) {
        ApiProblem refused = assertThrows(ApiProblem.class, () -> PRODUCTION.check(url));
        assertTrue(refused.errors().get(0).message().contains(why), refused.errors().get(0).message());
        assertEquals("url", refused.errors().get(0).field());
    }

    @Test
    void acceptsAPublicHttpsEndpointAndAllowListedHosts() {
        assertEquals("https://hooks.example.org/hook", PRODUCTION.check("https://hooks.example.org/hook").toString());
        WebhookUrlPolicy local = new WebhookUrlPolicy(List.of("127.0.0.1", "localhost"), false,
                WebhookRulesTest::resolve);
        assertEquals("http://127.0.0.1:9000/hook", local.check("http://127.0.0.1:9000/hook").toString());
        assertThrows(ApiProblem.class, () -> local.check("http://127.0.0.2/hook"), "only what is listed");
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
