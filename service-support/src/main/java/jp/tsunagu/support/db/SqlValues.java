package jp.tsunagu.support.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jp.tsunagu.contract.events.CloudEventCodec;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Column values of native queries: java.time types whichever representation the driver hands back, JSON columns
 * (written with the event mapper, so dates read back as they went in) and comma-separated id lists.
 */
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

    /** A JSON column's text. */
    public static String json(Object value) {
        try {
            return CloudEventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column", e);
        }
    }

    public static <T> T fromJson(String text, Class<T> type) {
        try {
            return CloudEventCodec.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    public static <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return CloudEventCodec.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    /** A comma-separated list column (ids, tags), empty for null or blank. */
    public static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }
}
