package jp.tsunagu.contract.codes;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age in bands, the only form in which a person's age leaves intake-service. The boundaries are the ones the
 * institutions use: 18 (children's services end), 40 (介護保険 second insured), 65 (高齢者), 75 (後期高齢者).
 */
public enum AgeBand implements Coded {
    AGE_0_5(0, 5, "0〜5歳"),
    AGE_6_12(6, 12, "6〜12歳"),
    AGE_13_17(13, 17, "13〜17歳"),
    AGE_18_29(18, 29, "18〜29歳"),
    AGE_30_39(30, 39, "30代"),
    AGE_40_49(40, 49, "40代"),
    AGE_50_64(50, 64, "50〜64歳"),
    AGE_65_74(65, 74, "65〜74歳"),
    AGE_75_PLUS(75, 150, "75歳以上");

    private final int min;
    private final int max;
    private final String label;

    AgeBand(int min, int max, String label) {
        this.min = min;
        this.max = max;
        this.label = label;
    }

    public static AgeBand of(int age) {
        for (AgeBand band : values()) {
            if (age >= band.min && age <= band.max) {
                return band;
            }
        }
        throw new IllegalArgumentException("age out of range: " + age);
    }

    /** Age on {@code on} of someone born on {@code birthDate}. */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean isChild() {
        return max < 18;
    }

    public boolean isElderly() {
        return min >= 65;
    }

    @Override
    public String label() {
        return label;
    }
}
