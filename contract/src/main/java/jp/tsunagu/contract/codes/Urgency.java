package jp.tsunagu.contract.codes;

/** How soon someone must act. */
public enum Urgency implements Coded {
    ROUTINE("通常"),
    URGENT("至急"),
    EMERGENCY("緊急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
