package jp.tsunagu.contract.codes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stable English code (the API and events) with the Japanese label a city person reads. */
public interface Coded {

    String name();

    /** 日本語の表示名. */
    String label();

    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Code → Japanese label, in declaration order (for pages that show codes to people). */
    static <E extends Enum<E> & Coded> Map<String, String> labels(Class<E> type) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(e -> labels.put(e.name(), e.label()));
        return labels;
    }
}
