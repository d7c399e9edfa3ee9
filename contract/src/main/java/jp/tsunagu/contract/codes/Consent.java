package jp.tsunagu.contract.codes;

/** 本人の同意: whether the person agreed to their information being shared; decides 重層的支援会議 vs 支援会議. */
public enum Consent implements Coded {
    GIVEN("同意あり"),
    NOT_GIVEN("同意なし"),
    UNKNOWN("未確認");

    private final String label;

    Consent(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
