package jp.tsunagu.support.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How every service consumes the stage topics ({@code tsunagu.events.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.events")
public interface EventConsumerConfig {

    /** The most records one batch (one transaction) holds: Kafka's {@code max.poll.records} for the stage topics. */
    @WithDefault("250")
    int maxBatch();

    /**
     * How long the broker holds a stage consumer's fetch for {@link #batchMinBytes()} of new events before it answers
     * with what it has: Kafka's {@code fetch.max.wait.ms} for the stage topics (set there by the shared configuration;
     * declared here with the other settings of the batches). Each hop of a case's events may wait this long more.
     */
    @WithDefault("50")
    int batchWaitMs();

    /** How many bytes of new events answer a stage consumer's fetch at once: Kafka's {@code fetch.min.bytes}. */
    @WithDefault("65536")
    int batchMinBytes();

    /** How often a failed batch is tried again whole before it is halved. */
    @WithDefault("2")
    int batchRetries();

    /** After how many failed attempts a single event that fails on its own is set aside on the dead-letter topic. */
    @WithDefault("8")
    int poisonAfter();

    /** The first wait after a failed attempt; it doubles up to {@link #maxBackOff()}. */
    @WithDefault("PT0.2S")
    Duration firstBackOff();

    @WithDefault("PT30S")
    Duration maxBackOff();

    /**
     * How long one attempt (one transaction with its sends) may take before it fails and is tried again; longer than
     * the producers' {@code delivery.timeout.ms} (30 s), so a broker that does not acknowledge fails as itself.
     */
    @WithDefault("PT2M")
    Duration attemptLimit();
}
