package jp.tsunagu.intake.importing.check;

import java.util.Map;

/** Which column of the sheet a field of {@code ReferralRules}' errors speaks of (person.name → 氏名, …). */
final class FieldColumns {

    private static final Map<String, ImportColumn> FIELDS = Map.ofEntries(
            Map.entry("person", ImportColumn.NAME), Map.entry("person.name", ImportColumn.NAME),
            Map.entry("person.nameKana", ImportColumn.KANA), Map.entry("person.birthDate", ImportColumn.BIRTH_DATE),
            Map.entry("person.age", ImportColumn.AGE), Map.entry("person.address", ImportColumn.ADDRESS),
            Map.entry("person.area", ImportColumn.AREA), Map.entry("summary", ImportColumn.SUMMARY),
            Map.entry("concerns", ImportColumn.CONCERNS), Map.entry("consent", ImportColumn.CONSENT),
            Map.entry("channel", ImportColumn.CHANNEL), Map.entry("urgency", ImportColumn.URGENCY),
            Map.entry("receivedOn", ImportColumn.RECEIVED_ON), Map.entry("referringAgencyId", ImportColumn.REFERRER));

    private FieldColumns() {
    }

    /** The column, or null for a field no column holds. */
    static ImportColumn of(String field) {
        if (field == null) {
            return null;
        }
        String f = field.replaceAll("\\[\\d+]", "");
        return FIELDS.get(f);
    }
}
