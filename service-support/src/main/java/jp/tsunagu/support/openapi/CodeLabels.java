package jp.tsunagu.support.openapi;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contract's codes, as the OpenAPI documents list them, carry their Japanese labels: programs send the code, the
 * people who build a form show the label. Each code schema gets the labels in its description and as
 * {@code x-enumDescriptions} (code → label, which Redoc shows beside each value). The labels come from the contract's
 * enums, the one place they are written.
 */
final class CodeLabels {

    private static final List<Class<? extends Coded>> CODES = List.of(AgeBand.class, CaseStatus.class, Channel.class,
            Concern.class, Consent.class, Field.class, MeetingType.class, PlanType.class, Relation.class,
            ReviewOutcome.class, RoutingDecision.class, Urgency.class);

    private CodeLabels() {
    }

    static void describe(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        for (Class<? extends Coded> type : CODES) {
            Schema schema = components.getSchemas().get(type.getSimpleName());
            if (schema != null) {
                label(schema, type);
            }
        }
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
        for (Class<? extends Coded> type : CODES) {
            if (values.equals(new java.util.HashSet<Object>(labels(type).keySet()))) {
                label(schema, type);
                return;
            }
        }
    }

    private static void label(Schema schema, Class<? extends Coded> type) {
        if (schema.getEnumeration() == null) {
            return;
        }
        Map<String, String> labels = labels(type);
        schema.addExtension("x-enumDescriptions", labels);
        String list = labels.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
        schema.setDescription((schema.getDescription() == null ? "" : schema.getDescription() + ". ")
                + "Codes and their Japanese labels: " + list);
    }

    private static Map<String, String> labels(Class<? extends Coded> type) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (Coded code : type.getEnumConstants()) {
            labels.put(code.name(), code.label());
        }
        return labels;
    }
}
