package jp.tsunagu.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.OlderVersion;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What a record's Kafka key is for each event type. The key is the event's {@link TsunaguEvent#subject()}, which each
 * record computes in Java (the case id for most, the meeting id or {@code directory/<code>} for some): asking an
 * example event of the type which of its fields the subject is made of keeps the documents true when a subject
 * changes, without a second list to maintain.
 */
final class MessageKeys {

    /**
     * @param prefix  the constant before the field's value ("" when the key is the value itself)
     * @param field   the payload field the key is taken from
     * @param example the key of the type's example record
     */
    record Key(String prefix, String field, String example) {

        /** What the AsyncAPI document says the key is: names the field the way a portal developer looks for it. */
        String description() {
            String what = prefix.isEmpty() ? "the payload's `" + field + "`"
                    : "`" + prefix + "` followed by the payload's `" + field + "`";
            String noun = switch (field) {
                case "caseId" -> "the case id";
                case "meetingId" -> "the meeting id, not a case id";
                default -> "not a case id";
            };
            return "The event's subject (ce_subject): " + what + " (" + noun + "), so the records with the same "
                    + field + " keep their order in one partition";
        }

        /** A short name for the info description's list, e.g. {@code meetingId} or {@code directory/<municipality>}. */
        String shortName() {
            return prefix + (prefix.isEmpty() ? field : "<" + field + ">");
        }
    }

    private MessageKeys() {
    }

    static Key of(Class<?> eventClass) {
        JsonNode payload = SchemaDocuments.exampleOf(SchemaDocuments.objectSchema(eventClass));
        TsunaguEvent event;
        try {
            Object read = CloudEventCodec.mapper().treeToValue(payload, eventClass);
            event = read instanceof OlderVersion<?> older ? older.current() : (TsunaguEvent) read;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the example of " + eventClass.getSimpleName() + " does not read", e);
        }
        String subject = event.subject();
        List<Key> found = new ArrayList<>();
        payload.properties().forEach(e -> {
            if (e.getValue().isTextual() && subject.endsWith(e.getValue().asText())) {
                found.add(new Key(subject.substring(0, subject.length() - e.getValue().asText().length()), e.getKey(),
                        subject));
            }
        });
        if (found.size() != 1) {
            throw new IllegalStateException("the subject of " + eventClass.getSimpleName() + " (" + subject
                    + ") is made of " + found.size() + " fields of its example, not one: give the field a distinct "
                    + "example value in SchemaDocuments");
        }
        return found.getFirst();
    }
}
