package jp.tsunagu.contract.events;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every event type, found by walking the sealed hierarchy under {@link TsunaguEvent}: a record added there is in
 * the catalog (and the schema documents) without being registered anywhere else. Types no longer written (an
 * {@link OlderVersion} record nested in a stage's interface) are found the same way, read, and seen as their current
 * version; {@link #all()} names the types written now.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends TsunaguEvent>> BY_TYPE;
    private static final Map<Class<?>, String> BY_CLASS;
    private static final Map<String, Class<? extends OlderVersion<?>>> OLDER;

    static {
        Map<String, Class<? extends TsunaguEvent>> byType = new LinkedHashMap<>();
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        Map<String, Class<? extends OlderVersion<?>>> older = new LinkedHashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(TsunaguEvent.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.removeFirst();
            if (c.isSealed()) {
                todo.addAll(java.util.List.of(c.getPermittedSubclasses()));
                for (Class<?> nested : c.getDeclaredClasses()) {
                    if (nested.isRecord() && OlderVersion.class.isAssignableFrom(nested)) {
                        @SuppressWarnings("unchecked")
                        Class<? extends OlderVersion<?>> olderClass = (Class<? extends OlderVersion<?>>) nested;
                        older.put(typeName(nested), olderClass);
                    }
                }
            } else if (c.isRecord()) {
                String type = typeName(c);
                @SuppressWarnings("unchecked")
                Class<? extends TsunaguEvent> eventClass = (Class<? extends TsunaguEvent>) c;
                if (byType.put(type, eventClass) != null) {
                    throw new IllegalStateException("duplicate event type " + type);
                }
                byClass.put(c, type);
            }
        }
        BY_TYPE = Collections.unmodifiableMap(byType);
        BY_CLASS = Collections.unmodifiableMap(byClass);
        older.keySet().stream().filter(byType::containsKey).findAny().ifPresent(t -> {
            throw new IllegalStateException("duplicate event type " + t);
        });
        OLDER = Collections.unmodifiableMap(older);
    }

    private static String typeName(Class<?> c) {
        EventType type = c.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalStateException(c.getName() + " has no @EventType");
        }
        return type.value();
    }

    private EventCatalog() {
    }

    public static Map<String, Class<? extends TsunaguEvent>> all() {
        return BY_TYPE;
    }

    /** Types still read but no longer written (e.g. case-escalated.v1), each with the record that reads it. */
    public static Map<String, Class<? extends OlderVersion<?>>> olderVersions() {
        return OLDER;
    }

    /**
     * The record a record of this type is read into: the event's own, or its {@link OlderVersion} (then seen as
     * {@link OlderVersion#current()}).
     */
    public static Class<?> readClassOf(String type) {
        Class<?> older = OLDER.get(type);
        return older != null ? older : classOf(type);
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
