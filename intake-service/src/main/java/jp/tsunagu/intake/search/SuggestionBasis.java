package jp.tsunagu.intake.search;

/** Why two cases are offered as "same household?" (世帯候補の根拠); a coordinator decides, nothing is merged. */
public enum SuggestionBasis {
    /** A household member named in this case's referral is the other case's person. */
    MEMBER_IS_PERSON("世帯員の氏名・生年月日が一致"),
    /** This case's person is a household member named in the other case's referral. */
    PERSON_IS_MEMBER("本人が他の案件の世帯員と一致"),
    /** The normalised addresses are the same ({@link AddressKey}). */
    SAME_ADDRESS("住所が一致");

    private final String label;

    SuggestionBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
