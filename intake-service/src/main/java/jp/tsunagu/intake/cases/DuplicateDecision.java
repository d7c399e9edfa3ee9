package jp.tsunagu.intake.cases;

import jp.tsunagu.contract.codes.Coded;

/** A coordinator's answer to "is this the same person?" (重複の確認) about two cases of the municipality. */
public enum DuplicateDecision implements Coded {
    /** The same person: the case joins the other (its referral goes into the other's history) and is closed. */
    CONFIRM("同一人物（統合）"),
    /** Another person: both cases go on apart. */
    DISMISS("別人");

    private final String label;

    DuplicateDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
