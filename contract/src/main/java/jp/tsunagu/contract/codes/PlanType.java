package jp.tsunagu.contract.codes;

/** The three kinds of support plan the seeds count. */
public enum PlanType implements Coded {
    MULTI_AGENCY("多機関協働プラン"),
    OUTREACH("アウトリーチプラン"),
    PARTICIPATION("参加支援プラン");

    private final String label;

    PlanType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
