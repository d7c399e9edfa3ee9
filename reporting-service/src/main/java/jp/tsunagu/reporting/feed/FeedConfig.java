package jp.tsunagu.reporting.feed;

import io.smallrye.config.ConfigMapping;

/** The portal feed ({@code tsunagu.feed.*}; the key is a secret, see the README). */
@ConfigMapping(prefix = "tsunagu.feed")
public interface FeedConfig {

    /** The key case ids are pseudonymised under in the feed. */
    String pseudonymKey();
}
