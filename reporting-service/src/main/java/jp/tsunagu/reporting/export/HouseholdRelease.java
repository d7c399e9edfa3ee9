package jp.tsunagu.reporting.export;

import jp.tsunagu.reporting.export.ExportGeneraliser.Record;
import jp.tsunagu.reporting.export.ExportGeneraliser.Release;
import jp.tsunagu.reporting.export.ExportGeneraliser.ReleasedCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which households (世帯) an export may name. {@link ExportGeneraliser} makes each case's record shared by at least k
 * cases, but a householdPseudonym joins the records of its members: an 80s case with 認知症 and a 50s case with
 * ひきこもり in one household may be the only such pair in the export even though each record alone is common, and
 * the pair names the family. So a household is released as one record: its key is the multiset of its released
 * members' records (the generaliser's own records, at the level it chose, so the same quasi-identifiers), and its
 * pseudonym is written only when at least k households of the export (the generaliser's k) have the same key; the
 * members of the others get null, as a case in no household does, so null tells nothing. The members counted are
 * those the export releases: they are what an analyst sees joined. Plain Java.
 */
public final class HouseholdRelease {

    private HouseholdRelease() {
    }

    /**
     * Each released case's householdPseudonym in this export.
     *
     * @param release     the export's release by {@link ExportGeneraliser}
     * @param householdOf the household each case is in now (a case in none is absent)
     * @param pseudonyms  this export's pseudonymizer
     * @return per released case id its household's pseudonym, or null (in no household, or a household rarer than k)
     */
    public static Map<String, String> pseudonyms(Release release, Map<String, String> householdOf,
                                                 Pseudonymizer pseudonyms) {
        Map<String, List<Record>> membersOf = new LinkedHashMap<>();
        release.cases().forEach(c -> {
            String household = householdOf.get(c.caseId());
            if (household != null) {
                membersOf.computeIfAbsent(household, h -> new ArrayList<>()).add(c.record());
            }
        });
        // a multiset as counts per record: equal whatever order the members came in
        Map<String, Map<Record, Long>> keyOf = new HashMap<>();
        Map<Map<Record, Long>, Integer> households = new HashMap<>();
        membersOf.forEach((household, records) -> {
            Map<Record, Long> key = records.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            keyOf.put(household, key);
            households.merge(key, 1, Integer::sum);
        });
        Map<String, String> out = new HashMap<>();
        for (ReleasedCase c : release.cases()) {
            String household = householdOf.get(c.caseId());
            boolean released = household != null && households.get(keyOf.get(household)) >= release.k();
            out.put(c.caseId(), released ? pseudonyms.householdPseudonym(household) : null);
        }
        return out;
    }
}
