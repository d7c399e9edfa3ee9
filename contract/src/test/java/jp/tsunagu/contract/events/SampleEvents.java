package jp.tsunagu.contract.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A fully populated instance of any event record, so tests cover every type the catalog knows without a list. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static TsunaguEvent of(Class<? extends TsunaguEvent> type) {
        return (TsunaguEvent) sample(type, 0);
    }

    private static Object sample(Type type, int depth) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return List.of(sample(p.getActualTypeArguments()[0], depth + 1));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "s" + depth + "-値";
        }
        if (c == int.class || c == Integer.class) {
            return 7;
        }
        if (c == boolean.class) {
            return true;
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2025, 3, 31);
        }
        if (c == Instant.class) {
            return Instant.parse("2025-04-01T00:00:00Z");
        }
        if (c == java.time.LocalTime.class) {
            return java.time.LocalTime.of(14, 0);
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = sample(components[i].getGenericType(), depth + 1);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = c.getDeclaredConstructor(types);
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no sample for " + c);
    }
}
