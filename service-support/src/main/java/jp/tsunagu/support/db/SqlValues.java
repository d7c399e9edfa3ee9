package jp.tsunagu.support.db;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Column values of native queries as java.time types, whichever representation the driver hands back. */
public final class SqlValues {

    private SqlValues() {
    }

    public static LocalDate localDate(Object o) {
        return switch (o) {
            case null -> null;
            case LocalDate d -> d;
            case Date d -> d.toLocalDate();
            default -> LocalDate.parse(o.toString());
        };
    }

    public static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime t -> t.toInstant();
            case Timestamp t -> t.toInstant();
            default -> OffsetDateTime.parse(o.toString()).toInstant();
        };
    }
}
