package jp.tsunagu.intake.search;

import java.util.List;
import java.util.stream.IntStream;

/**
 * When a person and a household member another referral named are the same person (世帯員が本人): the one rule, used
 * both to suggest households ({@link HouseholdIndex}) and to find the members an erasure must forget. Kana with the
 * birth date when both sides have one; else kana with the age, within {@link #AGE_TOLERANCE} year: each side's age
 * is taken on its own referral day, so a birthday between the two referrals would break an exact match.
 */
public final class HouseholdMatch {

    /** Years two ages may differ by and still be the same person's. */
    public static final int AGE_TOLERANCE = 1;

    /**
     * The match of index rows {@code m} and {@code o} of household_index (V13, V14), as SQL: the keys are keyed
     * HMACs, so the rule is applied to them where they are stored. {@link #BY_BIRTH} or {@link #BY_AGE}.
     */
    static final String SQL;

    /** Kana with the birth date, when both sides have one (an index of household_index finds it). */
    static final String BY_BIRTH = """
            (m.kana_birth_mac is not null and o.kana_birth_mac is not null and m.kana_birth_mac = o.kana_birth_mac)""";

    /** Else kana with the age, within the tolerance (the GIN index of kana_age_near finds it). */
    static final String BY_AGE = """
            ((m.kana_birth_mac is null or o.kana_birth_mac is null) and m.kana_age_mac is not null
             and o.kana_age_near @> array[m.kana_age_mac::text])""";

    static {
        SQL = "(" + BY_BIRTH + "\n or " + BY_AGE + ")";
    }

    private HouseholdMatch() {
    }

    /** The ages a person indexed with this age matches (never below 0). */
    public static List<Integer> agesNear(int age) {
        return IntStream.rangeClosed(Math.max(0, age - AGE_TOLERANCE), age + AGE_TOLERANCE).boxed().toList();
    }
}
