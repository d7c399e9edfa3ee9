package jp.tsunagu.intake.person;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The personal fields of a referral: serialised to JSON and sealed with the case's data key, they exist in plaintext
 * only in the memory of intake-service while a request is handled. Since issue 30 they also hold the person's age
 * as given (the blind index of households keys kana with it when there is no birth date) and the names of the
 * household members the referral named, in the order of its {@code household[]} (null where a member was not named).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalFields(String name, String nameKana, String birthDate, String address, String phone,
                             String summary, Integer age, List<MemberFields> household) {

    public PersonalFields {
        household = household == null ? List.of() : household;
    }

    /** A referral's person before issue 30 (no age, no named members). */
    public PersonalFields(String name, String nameKana, String birthDate, String address, String phone,
                          String summary) {
        this(name, nameKana, birthDate, address, phone, summary, null, List.of());
    }

    /**
     * A household member as the referral named them (世帯員). Age: as given or from the birth date, on the day the
     * referral was received.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberFields(String name, String nameKana, String birthDate, Integer age) {
        @Override
        public String toString() {
            return "MemberFields[redacted]";
        }
    }

    /**
     * The fields with the household members at these places (of household[]) no longer named: their person was
     * erased in their own case, so their name, kana and birth date go from this case too; the age given stays.
     */
    public PersonalFields forgetting(Set<Integer> members) {
        List<MemberFields> kept = new ArrayList<>(household);
        for (int i = 0; i < kept.size(); i++) {
            MemberFields m = kept.get(i);
            if (m != null && members.contains(i)) {
                kept.set(i, new MemberFields(null, null, null, m.age()));
            }
        }
        return new PersonalFields(name, nameKana, birthDate, address, phone, summary, age, kept);
    }

    /** Never the values: records print into logs and exception messages too easily. */
    @Override
    public String toString() {
        return "PersonalFields[redacted]";
    }
}
