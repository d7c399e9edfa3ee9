package jp.tsunagu.support.db;

import io.smallrye.config.ConfigMapping;

/** The database and the service's schema in it ({@code tsunagu.db.*}; docs/configuration.md lists them). */
@ConfigMapping(prefix = "tsunagu.db")
public interface DbConfig {

    /** {@code postgresql://host:port/database}; the reactive and the migration (JDBC) URLs are made from it. */
    String url();

    /** The schema this service owns (its Flyway migrations create it). */
    String schema();
}
