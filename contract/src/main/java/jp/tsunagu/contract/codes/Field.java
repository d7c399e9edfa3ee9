package jp.tsunagu.contract.codes;

/** 分野: the silo of the welfare system an agency belongs to. */
public enum Field implements Coded {
    ELDERLY("高齢"),
    DISABILITY("障害"),
    CHILD("子ども"),
    POVERTY("生活困窮");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
