package jp.tsunagu.support.openapi;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.CaseloadRelation;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.InboxState;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contract's codes, as the OpenAPI documents list them, carry their Japanese labels: programs send the code, the
 * people who build a form show the label. Each code schema gets the labels in its description and as
 * {@code x-enumDescriptions} (code → label, which Redoc shows beside each value). The labels come from the contract's
 * enums, the one place they are written.
 */
final class CodeLabels {

    /** Each code type's labels (code → 日本語), by the schema name smallrye-openapi gives it: the enum's simple name. */
    private static final Map<String, Map<String, String>> CODES = Map.ofEntries(
            Map.entry("AgeBand", Coded.labels(AgeBand.class)),
            Map.entry("CaseStatus", Coded.labels(CaseStatus.class)),
            Map.entry("CaseloadRelation", Coded.labels(CaseloadRelation.class)),
            Map.entry("Channel", Coded.labels(Channel.class)),
            Map.entry("Concern", Coded.labels(Concern.class)),
            Map.entry("Consent", Coded.labels(Consent.class)),
            Map.entry("EmergencyReview", Coded.labels(EmergencyReview.class)),
            Map.entry("Field", Coded.labels(Field.class)),
            Map.entry("InboxState", Coded.labels(InboxState.class)),
            Map.entry("MeetingType", Coded.labels(MeetingType.class)),
            Map.entry("PlanType", Coded.labels(PlanType.class)),
            Map.entry("Relation", Coded.labels(Relation.class)),
            Map.entry("ReviewOutcome", Coded.labels(ReviewOutcome.class)),
            Map.entry("RoutingDecision", Coded.labels(RoutingDecision.class)),
            Map.entry("Urgency", Coded.labels(Urgency.class)));

    private CodeLabels() {
    }

    static void describe(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        CODES.forEach((name, labels) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null) {
                label(schema, labels);
            }
        });
        // codes a request lists in place (a property's own enumeration, or its items'): labelled by the code type
        // whose codes they are
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                labelInPlace(property);
                if (property.getItems() != null) {
                    labelInPlace(property.getItems());
                }
            }
        }
    }

    private static void labelInPlace(Schema schema) {
        if (schema.getEnumeration() == null || schema.getExtensions() != null
                && schema.getExtensions().containsKey("x-enumDescriptions")) {
            return;
        }
        java.util.Set<Object> values = new java.util.HashSet<>(schema.getEnumeration());
        CODES.values().stream().filter(labels -> values.equals(new java.util.HashSet<Object>(labels.keySet())))
                .findFirst().ifPresent(labels -> label(schema, labels));
    }

    private static void label(Schema schema, Map<String, String> labels) {
        if (schema.getEnumeration() == null) {
            return;
        }
        schema.addExtension("x-enumDescriptions", labels);
        String list = labels.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
        schema.setDescription((schema.getDescription() == null ? "" : schema.getDescription() + ". ")
                + "Codes and their Japanese labels: " + list);
    }
}
