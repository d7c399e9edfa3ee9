package jp.tsunagu.routing.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How notices reach agencies (the feed's and webhooks' links, the webhooks' deliveries) ({@code tsunagu.webhooks.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.webhooks")
public interface WebhookConfig {

    /**
     * Hosts (names or addresses, exactly as in the URL) a subscription may name although they are loopback, private,
     * link-local, special-purpose or this server's own; none by default. A listed address also admits a name that
     * resolves only to it. The local run allows loopback.
     */
    Optional<List<String>> allowedHosts();

    /** Refuse http:// URLs (production). */
    @WithDefault("true")
    boolean requireHttps();

    /** How long a notice is retried before its delivery fails and the subscription is disabled. */
    @WithDefault("PT24H")
    Duration retryFor();

    /** The wait after the first failure; doubled after each further one up to {@link #maxBackOff()}. */
    @WithDefault("PT30S")
    Duration firstBackOff();

    @WithDefault("PT1H")
    Duration maxBackOff();

    /** How long a receiver has to answer an attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How often due deliveries are sent (a scheduler interval). */
    @WithDefault("2s")
    String sendEvery();

    /** The public base URL of routing-service, for the links in notices. */
    @WithDefault("http://localhost:8082")
    String publicUrl();
}
