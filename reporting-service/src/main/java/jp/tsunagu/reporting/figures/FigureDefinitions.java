package jp.tsunagu.reporting.figures;

/**
 * Which definition each disputed figure uses. The contract's (and the live tables') are {@link #CONTRACT}; an
 * analyst can replay the log under another set to see what the table would have said, without touching the live
 * figures.
 *
 * @param casesHandled what 取扱件数 counts: every review (延べ, the contract) or each case once a year
 * @param made         what 作成件数 counts: plans created plus revisions (the contract) or new plans only
 */
public record FigureDefinitions(CasesHandled casesHandled, Made made) {

    public enum CasesHandled { REVIEWS, DISTINCT_CASES }

    public enum Made { CREATED_AND_REVISED, CREATED_ONLY }

    public static final FigureDefinitions CONTRACT = new FigureDefinitions(CasesHandled.REVIEWS,
            Made.CREATED_AND_REVISED);

    /**
     * The households' figures (世帯, {@link HouseholdFigures}) by their JSON names, with the Japanese label a person
     * reads; the definitions are {@link HouseholdFigures}' and the README's.
     */
    public static final java.util.Map<String, String> HOUSEHOLD_LABELS = labels(
            "casesSupported", "支援した案件数",
            "householdsSupported", "支援世帯数",
            "multiCaseHouseholds", "複数の案件がある世帯",
            "householdsWithPlan", "プランのある世帯数",
            "casesPerHousehold", "1世帯あたりの案件数");

    /** What each household figure counts, in Japanese (the year table's page says it under the table). */
    public static final java.util.Map<String, String> HOUSEHOLD_DEFINITIONS = labels(
            "casesSupported", "その年度に受付・つなぎ・会議での検討・プランの作成／再プラン／終結のいずれかがあった案件、"
                    + "またはその年度にプランが続いていた案件（同一人物として統合された案件を除く）",
            "householdsSupported", "それらの案件の世帯の数（世帯に登録されていない案件は1件で1世帯）",
            "multiCaseHouseholds", "それらの案件が2件以上ある世帯の数",
            "householdsWithPlan", "その年度にプランを作成した、またはプランが続いていた世帯の数（世帯のプランは1世帯1件）",
            "casesPerHousehold", "支援した案件数÷支援世帯数（小数第1位まで）");

    private static java.util.Map<String, String> labels(String... keysAndValues) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public FigureDefinitions {
        casesHandled = casesHandled == null ? CasesHandled.REVIEWS : casesHandled;
        made = made == null ? Made.CREATED_AND_REVISED : made;
    }
}
