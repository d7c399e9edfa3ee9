package jp.tsunagu.contract.events;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every event type, found by walking the sealed hierarchy under {@link TsunaguEvent}: a record added there is in
 * the catalog (and the schema documents) without being registered anywhere else.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends TsunaguEvent>> BY_TYPE;
    private static final Map<Class<?>, String> BY_CLASS;

    static {
        Map<String, Class<? extends TsunaguEvent>> byType = new LinkedHashMap<>();
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(TsunaguEvent.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.removeFirst();
            if (c.isSealed()) {
                todo.addAll(java.util.List.of(c.getPermittedSubclasses()));
            } else if (c.isRecord()) {
                EventType type = c.getAnnotation(EventType.class);
                if (type == null) {
                    throw new IllegalStateException(c.getName() + " has no @EventType");
                }
                @SuppressWarnings("unchecked")
                Class<? extends TsunaguEvent> eventClass = (Class<? extends TsunaguEvent>) c;
                if (byType.put(type.value(), eventClass) != null) {
                    throw new IllegalStateException("duplicate event type " + type.value());
                }
                byClass.put(c, type.value());
            }
        }
        BY_TYPE = Collections.unmodifiableMap(byType);
        BY_CLASS = Collections.unmodifiableMap(byClass);
    }

    private EventCatalog() {
    }

    public static Map<String, Class<? extends TsunaguEvent>> all() {
        return BY_TYPE;
    }

    public static String typeOf(Class<?> eventClass) {
        String type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not an event record: " + eventClass.getName());
        }
        return type;
    }

    public static Class<? extends TsunaguEvent> classOf(String type) {
        Class<? extends TsunaguEvent> c = BY_TYPE.get(type);
        if (c == null) {
            throw new UnknownEventTypeException(type);
        }
        return c;
    }

    public static final class UnknownEventTypeException extends IllegalArgumentException {
        public UnknownEventTypeException(String type) {
            super("unknown event type: " + type);
        }
    }
}
