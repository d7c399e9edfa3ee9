package jp.tsunagu.intake.person;

/**
 * The personal fields of a referral: serialised to JSON and sealed with the case's data key, they exist in plaintext
 * only in the memory of intake-service while a request is handled.
 */
public record PersonalFields(String name, String nameKana, String birthDate, String address, String phone,
                             String summary) {

    /** Never the values: records print into logs and exception messages too easily. */
    @Override
    public String toString() {
        return "PersonalFields[redacted]";
    }
}
